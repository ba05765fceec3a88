package dev.runner.cli.render;

import dev.runner.store.Store;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;

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
}
