package dev.runner.store;

/**
 * What a task's runs came to: the counts and the latest outcome, as {@code task_state} keeps them
 * for a scheduled task. A task run only as a dependent or by hand has no state row, so these are
 * read from its rows instead.
 */
public record Outcomes(long successes, long failures, RunStatus lastStatus, Long lastRunId) {

  public static Outcomes of(TaskState state) {
    return new Outcomes(state.successes(), state.failures(), state.lastStatus(), state.lastRunId());
  }
}
