package dev.runner.cli.render;

import dev.runner.store.WebToken;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code runner token list}: each token's name, scope and times; never a hash, never a token. */
public final class TokenTable {

  private TokenTable() {}

  public static void print(List<WebToken> tokens, ZoneId zone, PrintWriter out) {
    if (tokens.isEmpty()) {
      out.println("no API tokens; make one: runner token create NAME --scope read|run|admin");
      return;
    }
    Table table = new Table("NAME", "SCOPE", "CREATED", "LAST USED");
    for (WebToken token : tokens) {
      table.row(
          token.name(),
          token.scope(),
          Times.local(token.createdAt(), zone),
          token.lastUsedAt() == null ? "never" : Times.local(token.lastUsedAt(), zone));
    }
    table.print(out);
  }

  /** The {@code --json} form: the same fields, times ISO-8601 with offset. */
  public static List<Map<String, Object>> json(List<WebToken> tokens, ZoneId zone) {
    return tokens.stream()
        .map(
            token -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("name", token.name());
              row.put("scope", token.scope());
              row.put("created_at", Times.iso(token.createdAt(), zone));
              row.put(
                  "last_used_at",
                  token.lastUsedAt() == null ? null : Times.iso(token.lastUsedAt(), zone));
              return row;
            })
        .toList();
  }
}
