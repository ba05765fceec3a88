package dev.runner.query;

import dev.runner.schedule.DateTimeText;
import dev.runner.store.Store;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hosts as {@code runner hosts --json} prints them and {@code GET /api/v1/hosts} answers. */
public final class HostsJson {

  private HostsJson() {}

  public static List<Map<String, Object>> of(List<Store.HostSeen> hosts, ZoneId zone) {
    return hosts.stream()
        .map(
            host -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("host", host.host());
              row.put("last_seen", DateTimeText.iso(host.lastSeen(), zone));
              row.put(
                  "silent_seconds", host.silentFor() == null ? null : host.silentFor().toSeconds());
              row.put("live_processes", host.liveProcesses());
              row.put("version", host.version());
              row.put("running", host.running());
              return row;
            })
        .toList();
  }
}
