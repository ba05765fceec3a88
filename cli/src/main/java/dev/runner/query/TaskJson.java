package dev.runner.query;

import dev.runner.schedule.DateTimeText;
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
      rows.add(row);
    }
    return rows;
  }
}
