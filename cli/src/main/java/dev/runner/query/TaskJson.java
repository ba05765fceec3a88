package dev.runner.query;

import dev.runner.config.TaskDef;
import dev.runner.notify.spi.Channel;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Durations;
import dev.runner.store.RunOutcome;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks as {@code list --json} prints them and the API answers: the README's keys, in its
 * order.
 */
public final class TaskJson {

  private TaskJson() {}

  public static List<Map<String, Object>> of(List<TaskRow> tasks, ZoneId zone) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TaskRow task : tasks) {
      rows.add(row(task, zone));
    }
    return rows;
  }

  /**
   * One task as the API's {@code GET /api/v1/tasks/{name}} answers it: its row's keys, then {@code
   * next_fires} (in the task's zone) and beside them {@code fire_notes} (each null or a
   * daylight-saving note's kind and parts), {@code last_run} and {@code running_runs} (as {@code
   * history --json} has runs), {@code fields} (as written), {@code upstream}, {@code downstream},
   * {@code notify} (each rule with its {@code last_deliveries}) and {@code window} (its instants in
   * the task's zone).
   */
  public static Map<String, Object> detail(TaskDetail task, ZoneId zone) {
    Map<String, Object> out = row(task.row(), zone);
    out.put(
        "next_fires",
        task.nextFires().stream().map(f -> DateTimeText.iso(f.at(), task.zone())).toList());
    out.put(
        "fire_notes",
        task.nextFires().stream().map(f -> f.note() == null ? null : f.note().json()).toList());
    out.put("last_run", task.lastRun() == null ? null : RunJson.of(task.lastRun(), zone));
    out.put("running_runs", task.running().stream().map(r -> RunJson.of(r, zone)).toList());
    out.put("fields", task.fields());
    out.put("upstream", task.upstream());
    out.put("downstream", task.downstream());
    out.put(
        "notify",
        task.notifyRules() == null
            ? null
            : task.notifyRules().stream().map(r -> rule(r, task.lastDeliveries(), zone)).toList());
    out.put("window", task.window() == null ? null : window(task.window(), task.zone()));
    return out;
  }

  /**
   * A rule in the config file's words, its channels as history names them, and what it last sent on
   * each.
   */
  private static Map<String, Object> rule(
      TaskDef.NotifyRule rule, List<LastDeliveries.Sent> sent, ZoneId zone) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", rule.name());
    out.put("enabled", rule.enabled());
    out.put("triggers", rule.triggers());
    out.put("threshold", rule.threshold());
    out.put("channels", rule.channels().stream().map(Channel::label).toList());
    List<Map<String, Object>> last = new ArrayList<>();
    for (LastDeliveries.Sent s : sent) {
      if (s.rule().equals(rule.name())) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("channel", s.channel());
        delivery.put("event", s.event());
        delivery.put("ok", s.ok());
        delivery.put("run_id", s.runId());
        delivery.put("at", DateTimeText.iso(s.at(), zone));
        last.add(delivery);
      }
    }
    out.put("last_deliveries", last);
    return out;
  }

  private static Map<String, Object> window(TaskDetail.WindowProgress window, ZoneId zone) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("size", Durations.format(window.size()));
    out.put("start", DateTimeText.iso(window.start(), zone));
    out.put("done_until", DateTimeText.iso(window.doneUntil(), zone));
    out.put("resume_from", DateTimeText.iso(window.resumeFrom(), zone));
    return out;
  }

  private static Map<String, Object> recent(RunOutcome run) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", run.id());
    out.put("status", run.status().dbName());
    out.put("duration", run.duration());
    return out;
  }

  private static Map<String, Object> row(TaskRow task, ZoneId zone) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", task.name());
    row.put("enabled", task.valid() ? task.enabled() : null);
    row.put("type", task.type());
    row.put("schedule", task.schedule());
    row.put("timezone", task.zone());
    row.put("next_run", DateTimeText.iso(task.next(), zone));
    row.put("last_status", task.lastStatus() == null ? null : task.lastStatus().dbName());
    row.put("running", task.running());
    row.put("successes", task.successes());
    row.put("failures", task.failures());
    row.put("description", task.description());
    row.put(
        "state_ahead",
        task.ahead() == null ? null : DateTimeText.iso(task.ahead().watermark(), zone));
    row.put("problems", task.problems());
    // added after the first keys, so at the end: scripts may read the keys in their order
    row.put("schedule_parts", task.scheduleParts());
    row.put("recent", task.recent().stream().map(TaskJson::recent).toList());
    row.put("hosts", task.hosts());
    return row;
  }
}
