package dev.runner.query;

import dev.runner.schedule.DateTimeText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statistics as {@code stats --json} prints them and the API answers. */
public final class StatsJson {

  private StatsJson() {}

  public static List<Map<String, Object>> of(List<TaskStats> stats, ZoneId zone) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TaskStats s : stats) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("task", s.task());
      row.put("runs", s.runs());
      row.put("success_rate", s.successRate());
      row.put("p50_seconds", s.p50Seconds());
      row.put("p95_seconds", s.p95Seconds());
      row.put("last_failure", DateTimeText.iso(s.lastFailure(), zone));
      row.put("recent", s.recent().stream().map(r -> r.status().dbName()).toList());
      List<Map<String, Object>> daily = new ArrayList<>();
      for (TaskStats.Day day : s.daily()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("date", day.date().toString());
        d.put("successes", day.successes());
        d.put("failures", day.failures());
        daily.add(d);
      }
      row.put("daily", daily);
      out.add(row);
    }
    return out;
  }
}
