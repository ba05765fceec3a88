package dev.runner.engine;

import dev.runner.config.TaskDef;
import dev.runner.config.TaskDef.NotifyRule;
import dev.runner.notify.Delivery;
import dev.runner.notify.Notifier;
import dev.runner.schedule.DateTimeText;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises the notification events of a final outcome and records on the run's row what each channel
 * answered. Loaded only for tasks that have rules.
 */
final class Notifications {

  private final Store store;
  private final Notifier notifier;
  private final String host;

  Notifications(Store store, Notifier notifier, String host) {
    this.store = store;
    this.notifier = notifier;
    this.host = host;
  }

  void afterOutcome(TaskDef task, long runId) {
    if (task.notifyRules().isEmpty()) {
      return;
    }
    RunRecord run = store.find(runId).orElseThrow();
    int depth = task.notifyRules().stream().mapToInt(NotifyRule::threshold).max().orElse(1) + 1;
    List<Delivery> deliveries =
        notifier.afterOutcome(
            task, store.recentOutcomes(task.name(), depth), values(task, run, host));
    if (!deliveries.isEmpty()) {
      record(run, deliveries);
    }
  }

  private void record(RunRecord run, List<Delivery> deliveries) {
    store.setMessage(
        run.id(), RunMessage.parse(run.message()).withNotifications(deliveries).json());
  }

  /**
   * The template variables (docs/notifications.md, "Template variables") for a recorded run (the
   * rule adds its own).
   */
  static Map<String, String> values(TaskDef task, RunRecord run, String host) {
    RunMessage message = RunMessage.parse(run.message());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("task_id", task.name());
    values.put("task_name", task.description().isBlank() ? task.name() : task.description());
    values.put("execution_status", run.status().dbName());
    values.put("execution_start_time", iso(run.runTime(), task));
    values.put("execution_end_time", iso(run.endTime(), task));
    values.put("execution_duration", duration(run));
    values.put("execution_log_tail", message.outputTail().orElse(""));
    values.put("window_start", iso(run.windowStart(), task));
    values.put("window_end", iso(run.windowEnd(), task));
    values.put("run_id", Long.toString(run.id()));
    values.put("error", message.error().orElse(""));
    values.put("host", host);
    task.params().forEach((k, v) -> values.put("params." + k, text(v)));
    return values;
  }

  private static String iso(java.time.Instant instant, TaskDef task) {
    return instant == null ? "" : DateTimeText.iso(instant, task.zone());
  }

  private static String duration(RunRecord run) {
    if (run.duration() == null) {
      return "";
    }
    Duration d = Duration.ofMillis(Math.round(run.duration() * 1000));
    return d.toSeconds() < 60
        ? String.format("%.1fs", run.duration())
        : dev.runner.schedule.Durations.format(d.withNanos(0));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
