package com.example.runner.hello;

import dev.runner.task.Task;
import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;

/** The configured greeting; {@code params.shout} makes it loud. */
record HelloTask(String greeting, String who) implements Task {

  @Override
  public TaskResult run(TaskContext context) {
    if (context.cancellation().isCancelled()) {
      return TaskResult.technicalFailure("stopped before it began");
    }
    String text = greeting + ", " + who + "!";
    if (Boolean.TRUE.equals(context.params().get("shout"))) {
      text = text.toUpperCase(java.util.Locale.ROOT);
    }
    // Lines logged here land in the run's output: `runner logs RUN_ID`.
    context.log(text + " (run " + context.runId() + ", attempt " + context.attempt() + ")");
    return TaskResult.success(text);
  }
}
