package dev.runner.cli.render;

import dev.runner.engine.Json;
import dev.runner.engine.RunMessage;
import dev.runner.query.RunJson;
import dev.runner.store.RunRecord;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code runner history}: a page of runs as a table, or as the array {@code --json} prints. */
public final class HistoryTable {

  private HistoryTable() {}

  public static void json(List<RunRecord> rows, ZoneId zone, PrintWriter out) {
    List<Map<String, Object>> array = new ArrayList<>();
    for (RunRecord r : rows) {
      array.add(RunJson.of(r, zone));
    }
    out.println(Json.pretty(array));
  }

  /** Page {@code page} (from 1) of the history. */
  public static void print(List<RunRecord> rows, int page, ZoneId zone, PrintWriter out) {
    if (rows.isEmpty()) {
      out.println(page > 1 ? "no more runs" : "no runs yet");
      return;
    }
    Table table =
        new Table("ID", "TASK", "STATUS", "STARTED", "DURATION", "TRIGGER", "MESSAGE").limit(6, 60);
    for (RunRecord r : rows) {
      table.row(
          Long.toString(r.id()),
          r.taskName(),
          r.status().dbName(),
          Times.local(r.runTime(), zone),
          Times.seconds(r.duration()),
          r.trigger().dbName() + (r.attempt() > 1 ? " #" + r.attempt() : ""),
          RunMessage.parse(r.message()).oneLine());
    }
    table.print(out);
  }
}
