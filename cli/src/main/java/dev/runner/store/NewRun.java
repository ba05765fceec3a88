package dev.runner.store;

import java.time.Instant;

/**
 * A row to insert: a claimed run ({@code running}) or a decision not to run ({@code skipped}).
 * {@code message} is JSON text.
 */
public record NewRun(
    String taskName,
    RunStatus status,
    Instant runTime,
    Instant scheduledFor,
    String trigger,
    int attempt,
    String message) {}
