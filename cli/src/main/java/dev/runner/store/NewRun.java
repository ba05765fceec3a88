package dev.runner.store;

import java.time.Instant;

/**
 * A row to insert: a claimed run ({@code running}) or a decision not to run ({@code skipped}).
 * {@code message} is JSON text; {@code upstreamRunId} names the run that triggered a dependent.
 */
public record NewRun(
    String taskName,
    RunStatus status,
    Instant runTime,
    Instant scheduledFor,
    Trigger trigger,
    int attempt,
    String message,
    Long upstreamRunId,
    Instant windowStart,
    Instant windowEnd) {

  public NewRun(
      String taskName,
      RunStatus status,
      Instant runTime,
      Instant scheduledFor,
      Trigger trigger,
      int attempt,
      String message) {
    this(taskName, status, runTime, scheduledFor, trigger, attempt, message, null, null, null);
  }
}
