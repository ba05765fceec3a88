package dev.runner.cli.render;

import dev.runner.store.Store;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code runner hosts}: each host seen on the database, by the database's clock. */
public final class HostTable {

  private HostTable() {}

  public static void print(List<Store.HostSeen> hosts, ZoneId zone, PrintWriter out) {
    if (hosts.isEmpty()) {
      out.println("no host seen yet: a runner stamps its sign of life when it opens the database");
      return;
    }
    Table table = new Table("HOST", "LAST SEEN", "LIVE", "VERSION", "RUNNING");
    for (Store.HostSeen host : hosts) {
      table.row(
          host.host(),
          host.lastSeen() == null
              ? "never"
              : Times.local(host.lastSeen(), zone) + " (" + Times.ago(host.silentFor()) + ")",
          String.valueOf(host.liveProcesses()),
          host.version() == null ? "" : host.version(),
          String.valueOf(host.running()));
    }
    table.print(out);
  }

  /** The {@code --json} form: the same fields, times ISO-8601 with offset. */
  public static List<Map<String, Object>> json(List<Store.HostSeen> hosts, ZoneId zone) {
    return hosts.stream()
        .map(
            host -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("host", host.host());
              row.put("last_seen", Times.iso(host.lastSeen(), zone));
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
