package dev.runner.cli.render;

import dev.runner.config.Problem;
import dev.runner.config.RunnerConfig;
import dev.runner.query.PassedAt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code runner validate} says: the warnings, and the object {@code --json} prints. */
public final class ValidationReport {

  private ValidationReport() {}

  /** The --json answer: the same keys, in the same order, valid or not. */
  public static Map<String, Object> json(
      boolean valid, Integer tasks, List<Problem> problems, List<String> warnings) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", p.file().toString());
      row.put("line", p.position().line());
      row.put("column", p.position().column());
      row.put("path", p.path());
      row.put("message", p.message());
      row.put("hint", p.hint());
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", valid);
    out.put("tasks", tasks);
    out.put("problems", rows);
    out.put("warnings", warnings);
    return out;
  }

  /** The warning for each {@code at} task whose instant has passed. */
  public static List<String> warnings(RunnerConfig config, List<PassedAt> passed) {
    Path file = config.file().getFileName();
    List<String> warnings = new ArrayList<>();
    for (PassedAt p : passed) {
      warnings.add(
          file
              + ": tasks."
              + p.task().name()
              + ".at: "
              + Times.local(p.at(), p.task().zone())
              + " has passed, so the task will not run (unless it already has); give it a"
              + " later time, or start it by hand: runner run "
              + p.task().name());
    }
    return warnings;
  }

  /** {@code tasks_config.json: ok, 3 tasks}. */
  public static String ok(RunnerConfig config) {
    return config.file().getFileName()
        + ": ok, "
        + config.tasks().size()
        + (config.tasks().size() == 1 ? " task" : " tasks");
  }
}
