package dev.runner.cli.render;

import dev.runner.query.TaskRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** {@code runner list}: the tasks as a table, or as the array {@code --json} prints. */
public final class TaskList {

  private TaskList() {}

  /** The table, then a line for each task ahead of the clock and one counting the invalid. */
  public static void print(List<TaskRow> tasks, Path file, ZoneId zone, PrintWriter out) {
    if (tasks.isEmpty()) {
      out.println("no tasks in " + file);
      return;
    }
    Table table =
        new Table("NAME", "ON", "TYPE", "SCHEDULE", "NEXT", "LAST", "OK/FAIL", "DESCRIPTION")
            .limit(3, 28)
            .limit(7, 40);
    for (TaskRow task : tasks) {
      if (!task.valid()) {
        table.row(task.name(), "-", "-", "-", "-", "invalid", counts(task), task.problems().get(0));
        continue;
      }
      table.row(
          task.name(),
          task.enabled() ? "yes" : "no",
          task.type(),
          task.schedule(),
          task.next() == null ? "-" : Times.local(task.next(), zone),
          task.running() ? "running" : task.lastStatus() == null ? "-" : task.lastStatus().dbName(),
          counts(task),
          task.description());
    }
    table.print(out);
    for (TaskRow task : tasks) {
      if (task.ahead() != null) {
        out.println(AheadReport.line(task.ahead(), zone));
      }
    }
    long invalid = tasks.stream().filter(t -> !t.valid()).count();
    if (invalid > 0) {
      out.println(
          invalid
              + (invalid == 1 ? " task is invalid" : " tasks are invalid")
              + (invalid == 1 ? " and does not run" : " and do not run")
              + "; `runner validate` lists every problem");
    }
  }

  private static String counts(TaskRow task) {
    return task.successes() + "/" + task.failures();
  }
}
