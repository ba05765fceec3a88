package dev.runner.task;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} templates, for request bodies, workflow inputs and notifications. In a JSON
 * document the values are JSON-escaped, so quotes, newlines and Chinese keep it valid.
 */
public final class Templates {

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  private Templates() {}

  /** The variable names a template uses. */
  public static Set<String> names(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = VARIABLE.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Replaces each variable by its value; an unknown one by nothing. */
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

  /** The names every run can use in its templates. */
  public static final Set<String> RUN_VARIABLES =
      Set.of(
          "task",
          "run_id",
          "run_key",
          "attempt",
          "trigger",
          "scheduled_time",
          "window_start",
          "window_end");

  /**
   * A run's template values: {@link #RUN_VARIABLES} and {@code params.NAME} for each of its params
   * (as text; nested values as JSON-ish text).
   */
  public static Map<String, String> values(TaskContext context) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("task", context.taskName());
    values.put("run_id", Long.toString(context.runId()));
    values.put("run_key", context.runKey());
    values.put("attempt", Integer.toString(context.attempt()));
    values.put("trigger", context.trigger());
    values.put("scheduled_time", context.scheduledFor().toString());
    values.put("window_start", context.window().map(w -> w.start().toString()).orElse(""));
    values.put("window_end", context.window().map(w -> w.end().toString()).orElse(""));
    context.params().forEach((k, v) -> values.put("params." + k, v == null ? "" : v.toString()));
    return values;
  }
}
