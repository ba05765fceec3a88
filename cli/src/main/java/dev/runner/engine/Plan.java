package dev.runner.engine;

import dev.runner.store.PendingRetry;
import dev.runner.store.TaskState;
import java.util.List;

/**
 * A tick's decisions, and what to store with them in the same transaction: the task states, and the
 * queued retries the decisions take (or drop, for tasks no longer configured).
 */
public record Plan(
    List<Decision> decisions, List<TaskState> states, List<PendingRetry> takenRetries) {
  public Plan {
    decisions = List.copyOf(decisions);
    states = List.copyOf(states);
    takenRetries = List.copyOf(takenRetries);
  }

  public List<Decision> runs() {
    return decisions.stream().filter(Decision::run).toList();
  }
}
