package dev.runner.query;

import dev.runner.engine.Json;
import dev.runner.schedule.DateTimeText;
import dev.runner.store.RunRecord;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run as {@code history --json} prints it, and the console's API will answer: the README's keys,
 * in the README's order (new keys only at the end), times in the home's zone.
 */
public final class RunJson {

  private RunJson() {}

  public static Map<String, Object> of(RunRecord r, ZoneId zone) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", r.id());
    row.put("task_name", r.taskName());
    row.put("status", r.status().dbName());
    row.put("run_time", DateTimeText.iso(r.runTime(), zone));
    row.put("duration", r.duration());
    row.put("scheduled_for", DateTimeText.iso(r.scheduledFor(), zone));
    row.put("attempt", r.attempt());
    row.put("trigger", r.trigger().dbName());
    row.put("upstream_run_id", r.upstreamRunId());
    row.put("window_start", DateTimeText.iso(r.windowStart(), zone));
    row.put("window_end", DateTimeText.iso(r.windowEnd(), zone));
    row.put("end_time", DateTimeText.iso(r.endTime(), zone));
    row.put("host", r.host());
    row.put("pid", r.pid());
    row.put("message", Json.readObject(r.message()));
    return row;
  }
}
