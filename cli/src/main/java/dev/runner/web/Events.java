package dev.runner.web;

import dev.runner.config.TaskDef;
import dev.runner.engine.Json;
import dev.runner.query.ValidationJson;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/events}: what the console listens to, as server-sent events whose data is
 * JSON: {@code run_started {run_id, task, trigger}}, {@code run_ended {run_id, task, status}},
 * {@code task_switched {task, enabled}}, {@code config_reloaded {}}, {@code config_invalid
 * {problems}}, and a {@code : ping} comment every 15 s.
 *
 * <p>One thread serves every subscriber: once a second, while anyone listens, it reads the store
 * (the rows after the last it saw, and those it saw running: runs of this process and of cron's
 * tick alike, since all are rows) and the config's files, and writes each event to every stream. A
 * subscriber holds no thread, so 50 consoles cost 50 sockets; a client whose socket fails is
 * dropped at its next event or ping.
 */
final class Events implements AutoCloseable {

  static final int MAX_SUBSCRIBERS = 256;
  static final long PING_SECONDS = 15;

  private final WebHome home;
  private final Set<SseStream> subscribers = new CopyOnWriteArraySet<>();
  private final ScheduledExecutorService thread;
  private final Set<Long> running = new LinkedHashSet<>();
  private long lastId = -1; // -1: not read yet, or read before the last subscriber left
  private long ticks;

  Events(WebHome home) {
    this.home = home;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "runner-web-events");
              t.setDaemon(true);
              return t;
            });
    home.onReload(this::reloaded);
    thread.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
  }

  /** Subscribes the request; the HTTP thread returns at once. */
  void subscribe(Call call) throws IOException {
    if (subscribers.size() >= MAX_SUBSCRIBERS) {
      throw ApiProblem.http(503, "already " + MAX_SUBSCRIBERS + " event streams open");
    }
    synchronized (this) {
      // read before the stream's first byte, not at the next look: a run started once the client
      // sees the stream open is then new to it
      if (lastId < 0) {
        baseline();
      }
      subscribers.add(SseStream.open(call, home.redactor()));
    }
  }

  int subscribers() {
    return subscribers.size();
  }

  /** One second's look; nothing is read while no one listens. */
  private synchronized void look() {
    subscribers.removeIf(SseStream::closed);
    if (subscribers.isEmpty()) {
      lastId = -1;
      return;
    }
    try {
      home.loaded(); // reads the files again if they changed: reloaded() sends what it found
      runs();
    } catch (RuntimeException e) { // a StoreException too
      home.engine().taskLog().note("web: events: " + e.getMessage()); // tried again in a second
    }
    if (++ticks % PING_SECONDS == 0) {
      subscribers.forEach(s -> s.comment("ping"));
    }
  }

  private void runs() {
    for (RunRecord row : home.reads().newOrAmong(lastId, running)) {
      boolean isNew = row.id() > lastId;
      if (isNew && row.status() != RunStatus.SKIPPED) {
        send("run_started", started(row));
      }
      if (row.status() == RunStatus.RUNNING) {
        running.add(row.id());
      } else if (isNew || running.remove(row.id())) {
        send("run_ended", ended(row));
      }
      lastId = Math.max(lastId, row.id());
    }
  }

  /** Where a first subscriber starts: the newest row, and the runs under way now. */
  private void baseline() {
    running.clear();
    lastId = 0;
    for (RunRecord row : home.reads().history(new HistoryQuery(null, null, null, 1, 0))) {
      lastId = row.id();
    }
    home.reads()
        .history(new HistoryQuery(null, Set.of(RunStatus.RUNNING), null, 10_000, 0))
        .forEach(r -> running.add(r.id()));
  }

  private static Map<String, Object> started(RunRecord row) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("run_id", row.id());
    data.put("task", row.taskName());
    data.put("trigger", row.trigger().dbName());
    return data;
  }

  private static Map<String, Object> ended(RunRecord row) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("run_id", row.id());
    data.put("task", row.taskName());
    data.put("status", row.status().dbName());
    return data;
  }

  /** A reload, found by this thread's look or by a request: what changed, to every subscriber. */
  private void reloaded(WebHome.Reload reload) {
    if (!reload.after().valid()) {
      send(
          "config_invalid", Map.of("problems", ValidationJson.problems(reload.after().problems())));
      return;
    }
    if (reload.before().valid()) {
      Map<String, Boolean> was = new HashMap<>();
      reload.before().config().tasks().forEach(t -> was.put(t.name(), t.enabled()));
      for (TaskDef task : reload.after().config().tasks()) {
        Boolean before = was.get(task.name());
        if (before != null && before != task.enabled()) {
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("task", task.name());
          data.put("enabled", task.enabled());
          send("task_switched", data);
        }
      }
    }
    send("config_reloaded", Map.of());
  }

  private void send(String event, Map<String, ?> data) {
    String json = Json.write(Masked.of(data, home.redactor()));
    for (SseStream stream : List.copyOf(subscribers)) {
      if (!stream.event(event, json)) {
        subscribers.remove(stream);
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    subscribers.forEach(SseStream::close);
    subscribers.clear();
  }
}
