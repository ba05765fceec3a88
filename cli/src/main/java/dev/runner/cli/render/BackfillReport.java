package dev.runner.cli.render;

import dev.runner.cli.Invocation;
import dev.runner.engine.RunResult;
import dev.runner.query.BackfillPlan;
import dev.runner.task.Window;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What {@code runner backfill} says: a bar on a terminal while the windows run (each window's
 * output is printed instead when no one watches), then how it ended and how to resume.
 */
public final class BackfillReport {

  private static final int WIDTH = 30;
  private final Invocation inv;
  private final String task;
  private final ZoneId zone;
  private final BackfillPlan plan;

  public BackfillReport(Invocation inv, String task, ZoneId zone, BackfillPlan plan) {
    this.inv = inv;
    this.task = task;
    this.zone = zone;
    this.plan = plan;
  }

  /** The range's end falls inside a window, which is left out. */
  public void endsInside() {
    inv.err()
        .println(
            "runner: the range ends inside a window; backfill stops at "
                + Times.iso(plan.covered(), zone));
  }

  public void dryRun() {
    plan.windows()
        .forEach(
            w -> inv.out().println(Times.iso(w.start(), zone) + "  " + Times.iso(w.end(), zone)));
    inv.out().println(plan.windows().size() + " windows; nothing was run");
  }

  /** The bar before window {@code done} (from 0) runs. */
  public void show(int done, Window next) {
    if (!inv.terminal()) {
      return;
    }
    int total = plan.windows().size();
    int filled = WIDTH * done / total;
    PrintWriter err = inv.err();
    err.print(
        "\r["
            + "█".repeat(filled)
            + "░".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total
            + "  "
            + Times.iso(next.start(), zone)
            + "   ");
    err.flush();
  }

  /** Window {@code done} (from 0) failed: which, why, and the command that resumes there. */
  public void failed(int done, Window window, RunResult last, Instant end) {
    clearBar();
    inv.err()
        .println(
            "runner: window "
                + Times.iso(window.start(), zone)
                + " – "
                + Times.iso(window.end(), zone)
                + " failed: "
                + last.status().dbName()
                + (last.error() == null ? "" : " (" + last.error() + ")")
                + "; see runner logs "
                + last.id());
    inv.err()
        .println(
            "runner: "
                + done
                + " of "
                + plan.windows().size()
                + " windows done; fix the"
                + " cause and resume with: runner backfill "
                + task
                + " --from "
                + Times.iso(window.start(), zone)
                + " --to "
                + Times.iso(end, zone));
  }

  public void finished(Instant start) {
    clearBar();
    inv.err()
        .println(
            task
                + ": "
                + plan.windows().size()
                + " windows done, "
                + Times.iso(start, zone)
                + " – "
                + Times.iso(plan.covered(), zone));
  }

  private void clearBar() {
    if (inv.terminal()) {
      inv.err().print("\r" + " ".repeat(WIDTH + 60) + "\r");
      inv.err().flush();
    }
  }
}
