package dev.runner.engine;

import dev.runner.config.TaskDef;

/** A run asked of a host the task's {@code hosts} does not list (docs/hosts.md). */
public final class ElsewhereException extends RuntimeException {

  public ElsewhereException(TaskDef task, String host) {
    super(
        task.name()
            + " runs on "
            + String.join(", ", task.hosts())
            + " (its hosts); this runner is "
            + host
            + " (RUNNER_HOST_ID): run it there, or add "
            + host
            + " to its hosts");
  }
}
