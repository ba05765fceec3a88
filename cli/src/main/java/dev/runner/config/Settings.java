package dev.runner.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The global settings (docs/configuration.md, "Settings"), read from the environment with their
 * defaults.
 */
public record Settings(
    Path database, Path logDir, int maxWorkers, ZoneId zone, int historyDays, int logDays) {}
