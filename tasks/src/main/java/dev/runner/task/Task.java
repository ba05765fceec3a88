package dev.runner.task;

/**
 * One configured task, ready to run. Instances are made once per configuration load by their {@link
 * TaskType} and hold that type's parsed fields; {@link #run} may be called many times, from several
 * threads at once when the task allows overlapping runs.
 *
 * <p>Tasks must be idempotent: {@link TaskContext#runKey()} identifies the scheduled fire, so a
 * task that creates something can look it up first.
 */
@FunctionalInterface
public interface Task {

  /**
   * Does the work. Throwing is a technical failure; return {@link TaskResult#businessFailure} when
   * the work itself says no (bad input, nothing to do that should have been there).
   */
  TaskResult run(TaskContext context) throws Exception;
}
