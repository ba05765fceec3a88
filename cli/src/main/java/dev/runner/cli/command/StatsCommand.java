package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.Table;
import dev.runner.cli.render.Times;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.query.TaskStats;
import dev.runner.store.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Per task: runs, success rate, p50/p95 duration, last failure, recent runs.")
final class StatsCommand implements Callable<Integer> {

  private static final String BLOCKS = "▁▂▃▄▅▆▇█";

  @ParentCommand RunnerCommand root;

  @Option(names = "--task", paramLabel = "TASK", description = "Only this task.")
  String task;

  @Option(names = "--days", defaultValue = "7", description = "Over the last N days (default 7).")
  int days;

  @Option(names = "--json", description = "Print a JSON array of objects.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.settings();
    if (days < 1) {
      throw new UsageException("--days must be 1 or more");
    }
    Instant since = inv.clock().instant().minus(Duration.ofDays(days));
    List<TaskStats> stats =
        root.read(store -> TaskStats.of(store.outcomesSince(task, since, 1_000_000)));
    ZoneId zone = config.settings().zone();
    if (json) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (TaskStats s : stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task", s.task());
        row.put("runs", s.runs());
        row.put("success_rate", s.successRate());
        row.put("p50_seconds", s.p50Seconds());
        row.put("p95_seconds", s.p95Seconds());
        row.put("last_failure", Times.iso(s.lastFailure(), zone));
        row.put("recent", s.recent().stream().map(r -> r.status().dbName()).toList());
        out.add(row);
      }
      inv.out().println(Json.pretty(out));
      return ExitCode.OK;
    }
    if (stats.isEmpty()) {
      inv.out().println("no runs in the last " + days + " days");
      return ExitCode.OK;
    }
    Table table = new Table("TASK", "RUNS", "OK %", "P50", "P95", "LAST FAILURE", "RECENT");
    for (TaskStats s : stats) {
      table.row(
          s.task(),
          Integer.toString(s.runs()),
          String.format("%.0f", s.successRate() * 100),
          Times.seconds(s.p50Seconds()),
          Times.seconds(s.p95Seconds()),
          s.lastFailure() == null ? "-" : Times.local(s.lastFailure(), zone),
          sparkline(s.recent(), inv.colour()));
    }
    table.print(inv.out());
    return ExitCode.OK;
  }

  /** The last runs, oldest first: height is the duration, colour (on a terminal) the outcome. */
  static String sparkline(List<TaskStats.Recent> newestFirst, boolean colour) {
    List<TaskStats.Recent> runs = new ArrayList<>(newestFirst);
    Collections.reverse(runs);
    double max =
        runs.stream().mapToDouble(r -> r.seconds() == null ? 0 : r.seconds()).max().orElse(0);
    StringBuilder line = new StringBuilder();
    for (TaskStats.Recent run : runs) {
      double d = run.seconds() == null ? 0 : run.seconds();
      char block = BLOCKS.charAt(max <= 0 ? 0 : (int) Math.round(d / max * (BLOCKS.length() - 1)));
      if (!colour) {
        line.append(
            run.status() == RunStatus.SUCCESS ? block : run.status().isFailure() ? '✗' : block);
      } else {
        String code =
            run.status() == RunStatus.SUCCESS
                ? "32"
                : run.status() == RunStatus.TIMEOUT ? "33" : "31";
        line.append("\u001b[").append(code).append('m').append(block).append("\u001b[0m");
      }
    }
    return line.toString();
  }
}
