package dev.runner.query;

import dev.runner.config.TaskDef;
import dev.runner.store.TaskState;
import dev.runner.task.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows {@code runner backfill} runs: whole windows of the task's size from the range's
 * start, the last one ending at or before the range's end (docs/windows.md).
 */
public record BackfillPlan(List<Window> windows) {

  public BackfillPlan {
    windows = List.copyOf(windows);
  }

  public static BackfillPlan of(Instant start, Instant end, Duration size) {
    List<Window> windows = new ArrayList<>();
    for (Instant s = start; !s.plus(size).isAfter(end); s = s.plus(size)) {
      windows.add(new Window(s, s.plus(size)));
    }
    return new BackfillPlan(windows);
  }

  /**
   * Where a window task's windows are done up to, and a backfill without {@code from} starts: the
   * end of its last successful window (the state's next window), else the window start its config
   * names; null when neither is known yet (docs/windows.md).
   */
  public static Instant resumeFrom(TaskDef task, TaskState state) {
    if (state != null && state.windowNext() != null) {
      return state.windowNext();
    }
    return task.windowStart();
  }

  /** Where the last window ends; the plan must have one. */
  public Instant covered() {
    return windows.get(windows.size() - 1).end();
  }
}
