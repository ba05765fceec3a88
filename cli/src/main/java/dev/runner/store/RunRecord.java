package dev.runner.store;

import java.time.Instant;

/**
 * One row of {@code task_logs}. {@code message} is JSON text; {@code pid} is the runner process
 * that owns the run, {@code childPid} the task's own process group, when it started one.
 */
public record RunRecord(
    long id,
    String taskName,
    RunStatus status,
    Instant runTime,
    Double duration,
    String message,
    Instant scheduledFor,
    Trigger trigger,
    int attempt,
    Instant endTime,
    Instant windowStart,
    Instant windowEnd,
    String host,
    Long pid,
    Long childPid,
    Instant childStarted,
    Long upstreamRunId,
    boolean finalAttempt) {}
