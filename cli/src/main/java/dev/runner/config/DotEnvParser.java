package dev.runner.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .env} text: {@code KEY=VALUE} lines, {@code #} comments, an optional {@code export}
 * prefix, double quotes with escapes and single quotes taken literally, both may span lines.
 *
 * <p>Hand-written rather than dotenv-java: that library rejects the {@code export} prefix, keeps
 * single quotes in the value, loses the order of entries and reports a malformed line without its
 * number.
 */
final class DotEnvParser {

  private DotEnvParser() {}

  static Map<String, String> parse(
      String text, Path file, Map<String, Position> positions, List<Problem> problems) {
    Map<String, String> entries = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int lineNumber = i + 1;
      int column = line.indexOf(trimmed.charAt(0)) + 1;
      if (trimmed.startsWith("export ") || trimmed.startsWith("export\t")) {
        trimmed = trimmed.substring(7).stripLeading();
      }
      int equals = trimmed.indexOf('=');
      String key = equals < 0 ? trimmed : trimmed.substring(0, equals).strip();
      if (equals < 0 || !key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        problems.add(
            new Problem(
                file,
                new Position(lineNumber, column, 0),
                key.isEmpty() ? null : key,
                equals < 0 ? "not a KEY=VALUE line" : "'" + key + "' is not a variable name",
                "write NAME=value; names are letters, digits and _"));
        continue;
      }
      positions.put(key, new Position(lineNumber, column, 0));
      String rest = trimmed.substring(equals + 1).stripLeading();
      if (rest.startsWith("\"") || rest.startsWith("'")) {
        char quote = rest.charAt(0);
        StringBuilder value = new StringBuilder();
        String current = rest.substring(1);
        int startLine = lineNumber;
        while (true) {
          int close = closingQuote(current, quote);
          if (close >= 0) {
            value.append(current, 0, close);
            break;
          }
          value.append(current).append('\n');
          if (++i >= lines.length) {
            problems.add(
                new Problem(
                    file,
                    new Position(startLine, column, 0),
                    key,
                    "the quoted value is never closed",
                    "add the closing " + quote));
            value = null;
            break;
          }
          current = lines[i];
        }
        if (value != null) {
          entries.put(key, quote == '"' ? unescape(value.toString()) : value.toString());
        }
      } else {
        int comment = rest.indexOf(" #");
        entries.put(key, (comment >= 0 ? rest.substring(0, comment) : rest).strip());
      }
    }
    return entries;
  }

  private static int closingQuote(String text, char quote) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
