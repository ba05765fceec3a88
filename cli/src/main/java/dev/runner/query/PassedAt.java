package dev.runner.query;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.schedule.ScheduleSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is valid but cannot be meant: an enabled {@code at} task whose instant has passed, which
 * will never fire ({@code runner validate} warns of it).
 */
public record PassedAt(TaskDef task, Instant at) {

  public static List<PassedAt> find(RunnerConfig config, Instant now) {
    List<PassedAt> passed = new ArrayList<>();
    for (TaskDef task : config.tasks()) {
      if (task.enabled() && task.schedule() instanceof ScheduleSpec.AtSpec at) {
        Instant when = at.at().toInstant(task.zone());
        if (when.isBefore(now)) {
          passed.add(new PassedAt(task, when));
        }
      }
    }
    return passed;
  }
}
