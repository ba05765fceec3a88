package dev.runner.web;

import dev.runner.schedule.DateTimeText;
import dev.runner.store.AuditEntry;
import dev.runner.store.StoreException;
import java.io.IOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The audit table as the web server writes and shows it: every change asked of it, recorded in one
 * place after its handler (so a new endpoint is audited without a line of its own), refused ones
 * too. Only the method and path are kept, masked, never a query or a body: a login's body is a
 * password.
 */
final class Audit {

  /** A path longer than this is cut: the table holds what was done, not what was sent. */
  private static final int MAX_ACTION = 300;

  private final WebHome home;

  Audit(WebHome home) {
    this.home = home;
  }

  /** Records a change; a failure to write is logged, not answered (the answer is sent). */
  void record(Call call, String method, String rawPath, String client) {
    int status = call.exchange.getResponseCode();
    String action = method + " " + rawPath;
    if (action.length() > MAX_ACTION) {
      action = action.substring(0, MAX_ACTION) + "…";
    }
    var redactor = home.redactor();
    UnaryOperator<String> mask = text -> Masked.text(text, redactor);
    try {
      home.reads()
          .audit(
              new AuditEntry(
                  home.clock().instant(),
                  mask.apply(call.caller.who()),
                  client,
                  mask.apply(action),
                  mask.apply(call.auditTarget != null ? call.auditTarget : target(call.path)),
                  status));
    } catch (StoreException e) {
      home.engine().taskLog().error("web: cannot write the audit row of " + mask.apply(action), e);
    }
  }

  /** The task's name or run's id a path names: {@code /api/v1/tasks/NAME/...}, {@code runs/ID}. */
  static String target(List<String> path) {
    if (path.size() >= 4
        && path.get(0).equals("api")
        && path.get(1).equals("v1")
        && (path.get(2).equals("tasks") || path.get(2).equals("runs"))) {
      return path.get(3);
    }
    return null;
  }

  /** {@code GET /api/v1/audit?limit=&page=}: newest first, with the total. */
  void list(Call call) throws IOException {
    int limit = call.intParam("limit", Api.DEFAULT_LIMIT, 1, Api.MAX_LIMIT);
    int page = call.intParam("page", 1, 1, Integer.MAX_VALUE / Api.MAX_LIMIT);
    ZoneId zone = home.loaded().config().settings().zone();
    List<AuditEntry> rows = home.reads().audit(limit, (page - 1) * limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "entries",
        rows.stream()
            .map(
                row -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("at", DateTimeText.iso(row.at(), zone));
                  entry.put("who", row.who());
                  entry.put("from", row.from());
                  entry.put("action", row.action());
                  entry.put("target", row.target());
                  entry.put("outcome", row.outcome());
                  return entry;
                })
            .toList());
    body.put("total", home.reads().countAudit());
    body.put("page", page);
    body.put("limit", limit);
    call.json(200, body);
  }
}
