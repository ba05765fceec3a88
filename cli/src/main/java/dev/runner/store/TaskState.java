package dev.runner.store;

import java.time.Instant;

/** A task's row of {@code task_state}. */
public record TaskState(
    String taskName,
    Instant watermark,
    Instant anchor,
    long scheduledRuns,
    long successes,
    long failures,
    RunStatus lastStatus,
    Long lastRunId,
    String quietReason,
    Instant windowNext) {

  public static TaskState firstSight(String task, Instant watermark, Instant anchor) {
    return new TaskState(task, watermark, anchor, 0, 0, 0, null, null, null, null);
  }

  public TaskState withWindowNext(Instant next) {
    return planned(watermark, scheduledRuns, quietReason, next);
  }

  public TaskState withWatermark(Instant next) {
    return planned(next, scheduledRuns, quietReason, windowNext);
  }

  public TaskState withScheduledRuns(long runs) {
    return planned(watermark, runs, quietReason, windowNext);
  }

  public TaskState withQuietReason(String reason) {
    return planned(watermark, scheduledRuns, reason, windowNext);
  }

  /** The planner's fields changed; the outcomes' (counts, last run) kept. */
  private TaskState planned(
      Instant watermark, long scheduledRuns, String quietReason, Instant windowNext) {
    return new TaskState(
        taskName,
        watermark,
        anchor,
        scheduledRuns,
        successes,
        failures,
        lastStatus,
        lastRunId,
        quietReason,
        windowNext);
  }
}
