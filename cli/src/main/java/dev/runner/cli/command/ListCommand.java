package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.AheadReport;
import dev.runner.cli.render.Table;
import dev.runner.cli.render.Times;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.query.TaskRow;
import dev.runner.query.TaskRows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "The tasks: enabled, type, schedule, next fire, last status, run counts.")
final class ListCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Option(names = "--tree", description = "Show the dependency graph instead (as `runner deps`).")
  boolean tree;

  @Option(names = "--names", description = "Only the task names, one a line (for completion).")
  boolean names;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.config();
    if (tree) {
      DepsCommand.print(config, inv.out());
      return ExitCode.OK;
    }
    if (names) {
      config.tasks().forEach(t -> inv.out().println(t.name()));
      return ExitCode.OK;
    }
    Instant now = inv.clock().instant();
    ZoneId zone = config.settings().zone();
    List<TaskRow> tasks = root.read(store -> TaskRows.read(config, store, now));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TaskRow task : tasks) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", task.name());
      row.put("enabled", task.valid() ? task.enabled() : null);
      row.put("type", task.type());
      row.put("schedule", task.schedule());
      row.put("timezone", task.zone());
      row.put("next_run", Times.iso(task.next(), zone));
      row.put("last_status", task.lastStatus() == null ? null : task.lastStatus().dbName());
      row.put("running", task.running());
      row.put("successes", task.successes());
      row.put("failures", task.failures());
      row.put("description", task.description());
      row.put(
          "state_ahead", task.ahead() == null ? null : Times.iso(task.ahead().watermark(), zone));
      row.put("problems", task.problems());
      rows.add(row);
    }
    if (json) {
      inv.out().println(Json.pretty(rows));
      return ExitCode.OK;
    }
    if (rows.isEmpty()) {
      inv.out().println("no tasks in " + config.file());
      return ExitCode.OK;
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
    table.print(inv.out());
    for (TaskRow task : tasks) {
      if (task.ahead() != null) {
        inv.out().println(AheadReport.line(task.ahead(), zone));
      }
    }
    long invalid = tasks.stream().filter(t -> !t.valid()).count();
    if (invalid > 0) {
      inv.out()
          .println(
              invalid
                  + (invalid == 1 ? " task is invalid" : " tasks are invalid")
                  + (invalid == 1 ? " and does not run" : " and do not run")
                  + "; `runner validate` lists every problem");
    }
    return ExitCode.OK;
  }

  private static String counts(TaskRow task) {
    return task.successes() + "/" + task.failures();
  }
}
