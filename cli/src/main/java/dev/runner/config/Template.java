package dev.runner.config;

import dev.runner.task.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The variables of notification templates ({@link Templates} does the rendering). */
public final class Template {

  /** The variables a notification may use (docs/notifications.md, "Template variables"). */
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

  private Template() {}

  /** The names in {@code template} that are not variables ({@code params.X} always is). */
  public static List<String> unknownVariables(String template) {
    List<String> unknown = new ArrayList<>();
    for (String name : Templates.names(template)) {
      if (!VARIABLES.contains(name) && !name.startsWith("params.")) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  public static String render(String template, Map<String, String> values, boolean json) {
    return Templates.render(template, values, json);
  }
}
