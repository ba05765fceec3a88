package dev.runner.task;

import java.util.Set;

/**
 * A kind of task, found through {@link java.util.ServiceLoader}: the built-in ones in this module
 * and those of plugin jars in the home's {@code plugins/} folder. A task's {@code type} field (by
 * default its own name) picks the type.
 */
public interface TaskType {

  /** The value of a task's {@code type} field that selects this type. */
  String name();

  /** The fields this type reads at the task's top level, beside the common ones. */
  Set<String> fields();

  /**
   * Fields whose text is not expanded for {@code ${VAR}} when loading, because something else
   * expands it later (a shell does, for {@code command}).
   */
  default Set<String> verbatimFields() {
    return Set.of();
  }

  /**
   * Reads and checks this type's fields. Reports every problem through {@link TaskFields#problem};
   * the returned task is discarded when any was reported.
   */
  Task configure(TaskFields fields);
}
