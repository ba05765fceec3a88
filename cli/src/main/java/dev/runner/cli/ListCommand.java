package dev.runner.cli;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.Json;
import dev.runner.engine.StateAhead;
import dev.runner.schedule.Schedule;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
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
    Invocation inv = root.invocation;
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
    Map<String, TaskState> states = root.read(Store::states);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TaskDef task : config.tasks()) {
      TaskState state = states.get(task.name());
      Instant anchor = state == null ? now : state.anchor();
      boolean firstTickRunsIt =
          state == null
              && task.schedule() != null
              && task.schedule().firstSightWatermark(now).isBefore(now);
      // fires up to the watermark are decided: one ahead of the clock holds the next fire back
      Instant after = state == null || state.watermark().isBefore(now) ? now : state.watermark();
      Instant next =
          !task.enabled()
              ? null
              : firstTickRunsIt
                  ? now
                  : task.compile(anchor).flatMap((Schedule s) -> s.next(after)).orElse(null);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", task.name());
      row.put("enabled", task.enabled());
      row.put("type", task.type());
      row.put("schedule", task.scheduleText());
      row.put("timezone", task.zone().getId());
      row.put("next_run", Times.iso(next, zone));
      row.put(
          "last_status",
          state == null || state.lastStatus() == null ? null : state.lastStatus().dbName());
      row.put("successes", state == null ? 0 : state.successes());
      row.put("failures", state == null ? 0 : state.failures());
      row.put("description", task.description());
      row.put(
          "state_ahead",
          state != null && StateAhead.isAhead(state, now)
              ? Times.iso(state.watermark(), zone)
              : null);
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
    for (Map<String, Object> row : rows) {
      Instant next =
          row.get("next_run") == null
              ? null
              : java.time.OffsetDateTime.parse((String) row.get("next_run")).toInstant();
      table.row(
          (String) row.get("name"),
          (Boolean) row.get("enabled") ? "yes" : "no",
          (String) row.get("type"),
          (String) row.get("schedule"),
          next == null ? "-" : Times.local(next, zone),
          row.get("last_status") == null ? "-" : (String) row.get("last_status"),
          row.get("successes") + "/" + row.get("failures"),
          (String) row.get("description"));
    }
    table.print(inv.out());
    for (StateAhead.Ahead ahead : StateAhead.find(states.values(), now)) {
      if (config.task(ahead.task()).isPresent()) {
        inv.out().println(AheadReport.line(ahead, zone));
      }
    }
    return ExitCode.OK;
  }
}
