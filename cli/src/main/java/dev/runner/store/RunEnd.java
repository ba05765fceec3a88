package dev.runner.store;

import java.time.Instant;

/**
 * How a run ended, for its row. {@code started} is when its work began (null keeps the claim time:
 * a crashed run's start is not known); {@code last} is false for an attempt that a retry follows.
 */
public record RunEnd(
    RunStatus status, Instant started, Instant end, double seconds, String message, boolean last) {}
