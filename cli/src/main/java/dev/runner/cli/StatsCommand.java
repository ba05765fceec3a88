package dev.runner.cli;

import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  private static final int RECENT = 20;

  @ParentCommand RunnerCommand root;

  @Option(names = "--task", paramLabel = "TASK", description = "Only this task.")
  String task;

  @Option(names = "--days", defaultValue = "7", description = "Over the last N days (default 7).")
  int days;

  @Option(names = "--json", description = "Print a JSON array of objects.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation;
    RunnerConfig config = root.settings();
    if (days < 1) {
      throw new UsageException("--days must be 1 or more");
    }
    Instant since = inv.clock().instant().minus(Duration.ofDays(days));
    List<RunRecord> rows = root.read(store -> store.outcomesSince(task, since, 1_000_000));
    Map<String, List<RunRecord>> byTask = new TreeMap<>();
    for (RunRecord row : rows) {
      byTask.computeIfAbsent(row.taskName(), k -> new ArrayList<>()).add(row);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, List<RunRecord>> entry : byTask.entrySet()) {
      out.add(stats(entry.getKey(), entry.getValue(), config));
    }
    if (json) {
      inv.out().println(Json.pretty(out));
      return ExitCode.OK;
    }
    if (out.isEmpty()) {
      inv.out().println("no runs in the last " + days + " days");
      return ExitCode.OK;
    }
    Table table = new Table("TASK", "RUNS", "OK %", "P50", "P95", "LAST FAILURE", "RECENT");
    for (int i = 0; i < out.size(); i++) {
      Map<String, Object> s = out.get(i);
      List<RunRecord> recent = byTask.get((String) s.get("task"));
      table.row(
          (String) s.get("task"),
          s.get("runs").toString(),
          String.format("%.0f", (Double) s.get("success_rate") * 100),
          Times.seconds((Double) s.get("p50_seconds")),
          Times.seconds((Double) s.get("p95_seconds")),
          s.get("last_failure") == null
              ? "-"
              : Times.local(
                  OffsetDateTime.parse((String) s.get("last_failure")).toInstant(),
                  config.settings().zone()),
          sparkline(recent, inv.colour()));
    }
    table.print(inv.out());
    return ExitCode.OK;
  }

  private static Map<String, Object> stats(
      String task, List<RunRecord> newestFirst, RunnerConfig config) {
    List<Double> durations = new ArrayList<>();
    long ok = 0;
    Instant lastFailure = null;
    for (RunRecord row : newestFirst) {
      if (row.duration() != null) {
        durations.add(row.duration());
      }
      if (row.status() == RunStatus.SUCCESS) {
        ok++;
      } else if (lastFailure == null) {
        lastFailure = row.runTime();
      }
    }
    durations.sort(Double::compare);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("task", task);
    s.put("runs", newestFirst.size());
    s.put("success_rate", newestFirst.isEmpty() ? 0.0 : (double) ok / newestFirst.size());
    s.put("p50_seconds", percentile(durations, 0.50));
    s.put("p95_seconds", percentile(durations, 0.95));
    s.put("last_failure", Times.iso(lastFailure, config.settings().zone()));
    List<String> recent = new ArrayList<>();
    for (RunRecord row : newestFirst.subList(0, Math.min(RECENT, newestFirst.size()))) {
      recent.add(row.status().dbName());
    }
    s.put("recent", recent);
    return s;
  }

  private static Double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** The last runs, oldest first: height is the duration, colour (on a terminal) the outcome. */
  static String sparkline(List<RunRecord> newestFirst, boolean colour) {
    List<RunRecord> runs =
        new ArrayList<>(newestFirst.subList(0, Math.min(RECENT, newestFirst.size())));
    java.util.Collections.reverse(runs);
    double max =
        runs.stream().mapToDouble(r -> r.duration() == null ? 0 : r.duration()).max().orElse(0);
    StringBuilder line = new StringBuilder();
    for (RunRecord run : runs) {
      double d = run.duration() == null ? 0 : run.duration();
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
