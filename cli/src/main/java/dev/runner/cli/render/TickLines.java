package dev.runner.cli.render;

import dev.runner.engine.Decision;
import dev.runner.engine.RunResult;
import dev.runner.engine.StateAhead;
import dev.runner.engine.TickReport;
import dev.runner.store.RunStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code runner tick} says: on stderr what went wrong (cron mails it), on a terminal a line of
 * counts, and the plan of a dry run.
 */
public final class TickLines {

  private TickLines() {}

  public static final String BUSY = "runner: another tick is running in this home; nothing to do";

  /** The warning for a {@code --now} that far ahead of the clock, when it is beyond tolerance. */
  public static Optional<String> nowAhead(Duration ahead) {
    if (ahead.compareTo(StateAhead.TOLERANCE) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "runner: --now is "
            + StateAhead.describe(ahead)
            + " ahead of the clock: the tasks' watermarks move there, and ticks on the real"
            + " clock run none of their fires until then (undo: runner state reset --all;"
            + " --dry-run changes nothing)");
  }

  /** Runs found crashed, and runs whose final attempt failed. */
  public static void failures(TickReport report, PrintWriter err) {
    for (String task : report.crashed()) {
      err.println(
          task
              + ": crashed: its runner process ended during the run (see runner"
              + " history --task "
              + task
              + ")");
    }
    for (RunResult result : report.results()) {
      if (result.status().isFailure() && result.finalAttempt()) {
        err.println(
            result.task()
                + ": "
                + result.status().dbName()
                + (result.error() == null ? "" : ": " + result.error())
                + " (runner logs "
                + result.id()
                + ")");
      }
    }
  }

  /** A dry run: what would be marked, run and skipped, then the states ahead of the clock. */
  public static void plan(
      TickReport report, List<StateAhead.Ahead> ahead, Instant at, ZoneId zone, PrintWriter out) {
    out.println("dry run at " + Times.iso(at, zone) + "; nothing was changed");
    for (String task : report.crashed()) {
      out.println("would mark crashed  " + task);
    }
    if (report.decisions().isEmpty()) {
      out.println("nothing is due");
    }
    for (Decision d : report.decisions()) {
      out.println(
          (d.run() ? "would run   " : "would skip  ")
              + d.task()
              + "  for "
              + Times.iso(d.scheduledFor(), zone)
              + (d.run()
                  ? (d.notes().containsKey("skipped_fires")
                      ? "  (" + d.notes().get("skipped_fires") + " earlier fires skipped)"
                      : "")
                  : "  (" + d.reason() + ")"));
    }
    for (StateAhead.Ahead a : ahead) {
      out.println(AheadReport.line(a, zone));
    }
  }

  /** {@code tick: 3 ran, 2 success, 1 timeout, 1 skipped}, for a person at a terminal. */
  public static String summary(TickReport report) {
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    report.results().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    long skipped = report.decisions().stream().filter(d -> !d.run()).count();
    if (report.results().isEmpty() && skipped == 0 && report.crashed().isEmpty()) {
      return "tick: nothing was due";
    }
    StringBuilder line = new StringBuilder("tick: ").append(report.results().size()).append(" ran");
    counts.forEach((status, n) -> line.append(", ").append(n).append(' ').append(status.dbName()));
    if (skipped > 0) {
      line.append(", ").append(skipped).append(" skipped");
    }
    if (!report.crashed().isEmpty()) {
      line.append(", ").append(report.crashed().size()).append(" found crashed");
    }
    return line.toString();
  }
}
