package dev.runner.cli.render;

import dev.runner.config.InvalidTask;
import dev.runner.config.Problem;
import dev.runner.engine.StateAhead;
import dev.runner.query.HomeStatus;
import dev.runner.query.HomeStatus.Attention;
import dev.runner.store.PendingRetry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code runner status}: the home at a glance as text, or as the object {@code --json} prints. */
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

  public static Map<String, Object> json(HomeStatus s, ZoneId zone) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("now", Times.iso(s.now(), zone));
    out.put("last_pass", Times.iso(s.lastPass(), zone));
    Map<String, Object> daemon = new LinkedHashMap<>();
    daemon.put("running", s.daemonPid() != null);
    daemon.put("pid", s.daemonPid());
    daemon.put("heartbeat", Times.iso(s.daemonBeat(), zone));
    out.put("daemon", daemon);
    List<Map<String, Object>> running = new ArrayList<>();
    for (HomeStatus.Running r : s.running()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.runId());
      row.put("task", r.task());
      row.put("started", Times.iso(r.started(), zone));
      row.put("elapsed_seconds", r.elapsed().toMillis() / 1000.0);
      row.put("host", r.host());
      row.put("pid", r.pid());
      row.put("child_pid", r.childPid());
      row.put("owner_alive", r.ownerAlive());
      running.add(row);
    }
    out.put("running", running);
    List<Map<String, Object>> failing = new ArrayList<>();
    for (HomeStatus.Failing f : s.failing()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("task", f.task());
      row.put("status", f.status().dbName());
      row.put("run_id", f.runId());
      row.put("ended", Times.iso(f.at(), zone));
      row.put("message", f.summary());
      failing.add(row);
    }
    out.put("failing", failing);
    List<Map<String, Object>> retries = new ArrayList<>();
    for (PendingRetry r : s.retries()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("task", r.taskName());
      row.put("scheduled_for", Times.iso(r.scheduledFor(), zone));
      row.put("attempt", r.attempt());
      row.put("due_at", Times.iso(r.dueAt(), zone));
      retries.add(row);
    }
    out.put("retries", retries);
    List<Map<String, Object>> ahead = new ArrayList<>();
    for (StateAhead.Ahead a : s.ahead()) {
      ahead.add(Map.of("task", a.task(), "watermark", Times.iso(a.watermark(), zone)));
    }
    out.put("state_ahead", ahead);
    out.put("problems", s.problems().stream().map(Problem::toString).toList());
    List<Map<String, Object>> invalid = new ArrayList<>();
    for (InvalidTask t : s.invalid()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("task", t.name());
      row.put("problems", t.problems().stream().map(Problem::toString).toList());
      invalid.add(row);
    }
    out.put("invalid", invalid);
    List<Map<String, Object>> attention = new ArrayList<>();
    for (Attention a : s.attention()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
      row.put("task", a.subject());
      row.put("text", say(a, s, zone));
      attention.add(row);
    }
    out.put("attention", attention);
    return out;
  }
}
