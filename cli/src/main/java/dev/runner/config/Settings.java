package dev.runner.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The global settings (docs/configuration.md, "Settings"), read from the environment with their
 * defaults.
 */
public record Settings(
    Path database,
    Path logDir,
    int maxWorkers,
    ZoneId zone,
    int historyDays,
    int logDays,
    int auditDays,
    long maxOutputBytes) {

  /** {@code RUNNER_MAX_OUTPUT}'s default: a run's log keeps at most this much. */
  public static final long DEFAULT_MAX_OUTPUT = 50L << 20;
}
