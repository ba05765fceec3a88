package dev.runner.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's message told in one line, the same in {@code history}, {@code status} and the console.
 */
public final class RunSummary {

  private RunSummary() {}

  /**
   * The part of a message a person wants first (the error, the reason, or the last output line),
   * then what its notifications did.
   */
  public static String of(Map<String, Object> message) {
    String text = firstLine(message);
    if (message.get("notifications") instanceof List<?> sent && !sent.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Object item : sent) {
        if (item instanceof Map<?, ?> d) {
          parts.add(
              d.get("rule")
                  + "/"
                  + d.get("channel")
                  + " "
                  + (Boolean.TRUE.equals(d.get("ok")) ? "ok" : "failed"));
        }
      }
      text = (text.isEmpty() ? "" : text + " ") + "[notified " + String.join(", ", parts) + "]";
    }
    return text;
  }

  private static String firstLine(Map<String, Object> message) {
    for (String key : List.of("error", "reason", "summary")) {
      Object value = message.get(key);
      if (value != null && !value.toString().isBlank()) {
        return value.toString();
      }
    }
    Object tail = message.get("output_tail");
    if (tail != null && !tail.toString().isBlank()) {
      String[] lines = tail.toString().split("\n");
      return lines[lines.length - 1];
    }
    return "";
  }
}
