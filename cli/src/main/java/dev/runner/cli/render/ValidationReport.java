package dev.runner.cli.render;

import dev.runner.config.RunnerConfig;
import dev.runner.query.PassedAt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code runner validate} says: the warnings, and the object {@code --json} prints. */
public final class ValidationReport {

  private ValidationReport() {}

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
