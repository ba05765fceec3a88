package dev.runner.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notification templates: {@code {{name}}} is replaced by a variable's value. In a JSON body the
 * values are JSON-escaped, so quotes, newlines and Chinese in a log tail keep the JSON valid.
 */
public final class Template {

  /** The variables of SPEC 10, and a few more a message wants. */
  public static final Set<String> VARIABLES =
      Set.of(
          "task_id",
          "task_name",
          "execution_status",
          "execution_start_time",
          "execution_end_time",
          "execution_duration",
          "threshold_count",
          "execution_log_tail",
          "window_start",
          "window_end",
          "event",
          "rule_name",
          "run_id",
          "error",
          "host");

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  private Template() {}

  /** The names in {@code template} that are not variables ({@code params.X} always is). */
  public static List<String> unknownVariables(String template) {
    List<String> unknown = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(template);
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!VARIABLES.contains(name) && !name.startsWith("params.")) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  public static String render(String template, Map<String, String> values, boolean json) {
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), "");
      matcher.appendReplacement(out, Matcher.quoteReplacement(json ? jsonEscape(value) : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The inside of a JSON string: quotes, backslashes and control characters escaped. */
  public static String jsonEscape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
