package dev.runner.cli.render;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.StateAhead;
import dev.runner.query.Fires;
import dev.runner.store.TaskState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** What {@code runner state reset} says: each watermark moved back, and each left alone. */
public final class ResetReport {

  private ResetReport() {}

  /**
   * @param moved the states as they were before the reset moved them to {@code now}
   * @param named the tasks named on the command line (none with {@code --all})
   */
  public static void print(
      RunnerConfig config,
      List<TaskState> moved,
      List<String> named,
      Instant now,
      boolean dryRun,
      PrintWriter out) {
    ZoneId zone = config.settings().zone();
    for (TaskState state : moved) {
      Optional<TaskDef> task = config.task(state.taskName());
      Optional<Instant> next = task.flatMap(t -> Fires.after(t, state, now, now));
      out.println(
          state.taskName()
              + ": "
              + (dryRun ? "would move" : "moved")
              + " its watermark from "
              + Times.local(state.watermark(), zone)
              + " ("
              + StateAhead.describe(Duration.between(now, state.watermark()))
              + " ahead) back to now"
              + next.map(n -> "; next fire " + Times.local(n, zone)).orElse(""));
    }
    for (String name : named) {
      if (moved.stream().noneMatch(s -> s.taskName().equals(name))) {
        out.println(name + ": its state is not ahead of the clock; left as it is");
      }
    }
    if (named.isEmpty() && moved.isEmpty()) {
      out.println("no task's state is ahead of the clock; nothing to reset");
    }
  }
}
