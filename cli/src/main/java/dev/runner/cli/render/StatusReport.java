package dev.runner.cli.render;

import dev.runner.query.HomeStatus;
import dev.runner.query.HomeStatus.Attention;
import dev.runner.query.StatusJson;
import dev.runner.store.PendingRetry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * {@code runner status}: the home at a glance as text; {@link StatusJson} is its {@code --json}.
 */
public final class StatusReport {

  private StatusReport() {}

  public static void print(HomeStatus s, Path home, ZoneId zone, PrintWriter out) {
    out.println("home      " + home);
    out.println(
        "last pass "
            + (s.lastPass() == null
                ? "never"
                : Times.local(s.lastPass(), zone)
                    + " ("
                    + Times.ago(Duration.between(s.lastPass(), s.now()))
                    + ")"));
    out.println(
        "daemon    "
            + (s.daemonPid() == null
                ? "none (cron's `runner tick` drives the home)"
                : "pid "
                    + s.daemonPid()
                    + ", heartbeat "
                    + Times.ago(Duration.between(s.daemonBeat(), s.now()))));
    if (!s.running().isEmpty()) {
      out.println();
      out.println("running");
      Table table = new Table("ID", "TASK", "STARTED", "FOR", "HOST", "PID", "OWNER");
      for (HomeStatus.Running r : s.running()) {
        table.row(
            Long.toString(r.runId()),
            r.task(),
            Times.local(r.started(), zone),
            Times.seconds(Math.max(0, r.elapsed().toMillis()) / 1000.0),
            r.host(),
            r.pid() == null ? "" : r.pid().toString(),
            r.ownerAlive() == null ? "other host" : r.ownerAlive() ? "alive" : "gone");
      }
      table.print(out);
    }
    if (!s.failing().isEmpty()) {
      out.println();
      out.println("failing (the latest outcome)");
      Table table = new Table("TASK", "STATUS", "RUN", "ENDED", "MESSAGE").limit(4, 60);
      for (HomeStatus.Failing f : s.failing()) {
        table.row(
            f.task(),
            f.status().dbName(),
            f.runId() == null ? "" : f.runId().toString(),
            Times.local(f.at(), zone),
            f.summary());
      }
      table.print(out);
    }
    if (!s.retries().isEmpty()) {
      out.println();
      out.println("retries waiting");
      Table table = new Table("TASK", "FIRE", "ATTEMPT", "DUE");
      for (PendingRetry r : s.retries()) {
        table.row(
            r.taskName(),
            Times.local(r.scheduledFor(), zone),
            Integer.toString(r.attempt()),
            Times.local(r.dueAt(), zone));
      }
      table.print(out);
    }
    if (!s.problems().isEmpty()) {
      out.println();
      out.println("configuration: no task runs until these are fixed");
      s.problems().forEach(p -> out.println("  " + p));
    }
    if (!s.invalid().isEmpty()) {
      out.println();
      out.println("invalid tasks: they do not run until fixed, the others do");
      s.invalid().forEach(t -> t.problems().forEach(p -> out.println("  " + p)));
    }
    out.println();
    if (s.attention().isEmpty()) {
      out.println("all well");
      return;
    }
    out.println("needs attention");
    for (Attention a : s.attention()) {
      out.println("  - " + say(a, s, zone));
    }
  }

  private static String say(Attention a, HomeStatus s, ZoneId zone) {
    return switch (a.kind()) {
      case NEVER_PASSED ->
          "no tick or daemon pass was ever recorded here: is cron calling `runner tick`?"
              + " `runner install cron` sets it up";
      case PASS_STALE ->
          "the last pass was "
              + Times.ago(Duration.between(s.lastPass(), s.now()))
              + ": is cron calling `runner tick`? (`runner install cron`, or `runner daemon`)";
      case CONFIG_INVALID ->
          s.problems().size()
              + (s.problems().size() == 1 ? " problem" : " problems")
              + " in the configuration (above); `runner validate` explains each";
      case TASK_INVALID ->
          a.subject() + " is invalid and does not run (above); `runner validate` explains each";
      case TASK_FAILING ->
          a.subject()
              + " failed last time; "
              + s.failing().stream()
                  .filter(f -> f.task().equals(a.subject()) && f.runId() != null)
                  .findFirst()
                  .map(f -> "`runner logs " + f.runId() + "` and ")
                  .orElse("")
              + "`runner history --task "
              + a.subject()
              + "` tell why";
      case STATE_AHEAD ->
          s.ahead().stream()
              .filter(x -> x.task().equals(a.subject()))
              .findFirst()
              .map(x -> AheadReport.line(x, zone))
              .orElse(a.subject());
      case OWNER_GONE ->
          a.subject()
              + " is recorded as running but its runner process is gone;"
              + " the next tick records it as crashed";
    };
  }

  /** What each attention item says, for the text and for {@link StatusJson}'s {@code text}. */
  public static Function<Attention, String> words(HomeStatus s, ZoneId zone) {
    return a -> say(a, s, zone);
  }
}
