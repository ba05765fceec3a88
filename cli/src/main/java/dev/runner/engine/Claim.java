package dev.runner.engine;

import dev.runner.config.TaskDef;
import dev.runner.store.Trigger;
import dev.runner.task.Window;
import java.time.Instant;
import java.util.Map;

/** A run this process owns: its row id and what it is for (a window task's window too). */
public record Claim(
    long id,
    TaskDef task,
    Instant scheduledFor,
    Trigger trigger,
    int attempt,
    Window window,
    Map<String, Object> notes) {
  public Claim {
    notes = Map.copyOf(notes);
  }

  public Claim(
      long id,
      TaskDef task,
      Instant scheduledFor,
      Trigger trigger,
      int attempt,
      Map<String, Object> notes) {
    this(id, task, scheduledFor, trigger, attempt, null, notes);
  }

  /** Task and fire: the same for every attempt, for tasks that must not repeat work. */
  public String runKey() {
    return task.name() + "@" + scheduledFor;
  }
}
