package dev.runner.cli.render;

import dev.runner.query.TaskStats;
import dev.runner.store.RunStatus;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code runner stats}: per task as a table with a sparkline, or as the {@code --json} array. */
public final class StatsTable {

  private static final String BLOCKS = "▁▂▃▄▅▆▇█";

  private StatsTable() {}

  /** The table of the last {@code days} days; {@code colour} paints the sparklines' outcomes. */
  public static void print(
      List<TaskStats> stats, int days, ZoneId zone, boolean colour, PrintWriter out) {
    if (stats.isEmpty()) {
      out.println("no runs in the last " + days + " days");
      return;
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
          sparkline(s.recent(), colour));
    }
    table.print(out);
  }

  /** The last runs, oldest first: height is the duration, colour (on a terminal) the outcome. */
  private static String sparkline(List<TaskStats.Recent> newestFirst, boolean colour) {
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
