package dev.runner.query;

import dev.runner.config.InvalidTask;
import dev.runner.config.Problem;
import dev.runner.engine.StateAhead;
import dev.runner.query.HomeStatus.Attention;
import dev.runner.schedule.DateTimeText;
import dev.runner.store.PendingRetry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The home's status as {@code status --json} prints it and the API answers; {@code words} says each
 * attention item as the text report does.
 */
public final class StatusJson {

  private StatusJson() {}

  public static Map<String, Object> of(
      HomeStatus s, ZoneId zone, Function<Attention, String> words) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("now", DateTimeText.iso(s.now(), zone));
    out.put("last_pass", DateTimeText.iso(s.lastPass(), zone));
    Map<String, Object> daemon = new LinkedHashMap<>();
    daemon.put("running", s.daemonPid() != null);
    daemon.put("pid", s.daemonPid());
    daemon.put("heartbeat", DateTimeText.iso(s.daemonBeat(), zone));
    out.put("daemon", daemon);
    List<Map<String, Object>> running = new ArrayList<>();
    for (HomeStatus.Running r : s.running()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.runId());
      row.put("task", r.task());
      row.put("started", DateTimeText.iso(r.started(), zone));
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
      row.put("ended", DateTimeText.iso(f.at(), zone));
      row.put("message", f.summary());
      failing.add(row);
    }
    out.put("failing", failing);
    List<Map<String, Object>> retries = new ArrayList<>();
    for (PendingRetry r : s.retries()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("task", r.taskName());
      row.put("scheduled_for", DateTimeText.iso(r.scheduledFor(), zone));
      row.put("attempt", r.attempt());
      row.put("due_at", DateTimeText.iso(r.dueAt(), zone));
      retries.add(row);
    }
    out.put("retries", retries);
    List<Map<String, Object>> ahead = new ArrayList<>();
    for (StateAhead.Ahead a : s.ahead()) {
      ahead.add(Map.of("task", a.task(), "watermark", DateTimeText.iso(a.watermark(), zone)));
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
      row.put("text", words.apply(a));
      attention.add(row);
    }
    out.put("attention", attention);
    return out;
  }
}
