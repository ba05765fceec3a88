package dev.runner.engine;

import dev.runner.config.TaskDef;
import java.time.Instant;
import java.util.Map;

/** A run this process owns: its row id and what it is for. */
public record Claim(
    long id,
    TaskDef task,
    Instant scheduledFor,
    String trigger,
    int attempt,
    Map<String, Object> notes) {
  public Claim {
    notes = Map.copyOf(notes);
  }

  /** Task and fire: the same for every attempt, for tasks that must not repeat work. */
  public String runKey() {
    return task.name() + "@" + scheduledFor;
  }
}
