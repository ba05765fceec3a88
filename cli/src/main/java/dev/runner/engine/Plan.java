package dev.runner.engine;

import dev.runner.store.TaskState;
import java.util.List;

/** A tick's decisions, and the task states to store with them in the same transaction. */
public record Plan(List<Decision> decisions, List<TaskState> states) {
  public Plan {
    decisions = List.copyOf(decisions);
    states = List.copyOf(states);
  }

  public List<Decision> runs() {
    return decisions.stream().filter(Decision::run).toList();
  }
}
