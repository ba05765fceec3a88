package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.EnvFileWarning;
import dev.runner.cli.render.Times;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.Problem;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.Json;
import dev.runner.schedule.ScheduleSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check tasks_config.json and .env; list every problem as FILE:LINE:COLUMN: task.field.",
      "Exit 0 when valid, 2 when not."
    })
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--json", description = "Print {\"valid\": ..., \"problems\": [...]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    List<String> fileWarnings = EnvFileWarning.of(root.home().envFile()).stream().toList();
    try {
      RunnerConfig config = root.config();
      if (!config.invalid().isEmpty()) {
        throw new InvalidConfigException(config.problems()); // the others run, but say them all
      }
      List<String> warnings = new ArrayList<>(fileWarnings);
      warnings.addAll(warnings(config, inv.clock().instant()));
      if (json) {
        inv.out().println(Json.pretty(result(true, config.tasks().size(), List.of(), warnings)));
      } else {
        warnings.forEach(w -> inv.err().println("warning: " + w));
        inv.out()
            .println(
                config.file().getFileName()
                    + ": ok, "
                    + config.tasks().size()
                    + (config.tasks().size() == 1 ? " task" : " tasks"));
      }
      return ExitCode.OK;
    } catch (InvalidConfigException e) {
      if (!json) {
        fileWarnings.forEach(w -> inv.err().println("warning: " + w));
        throw e;
      }
      List<Map<String, Object>> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", p.file().toString());
        row.put("line", p.position().line());
        row.put("column", p.position().column());
        row.put("path", p.path());
        row.put("message", p.message());
        row.put("hint", p.hint());
        problems.add(row);
      }
      inv.out().println(Json.pretty(result(false, null, problems, fileWarnings)));
      return ExitCode.USAGE;
    }
  }

  /** The --json answer: the same keys, in the same order, valid or not. */
  private static Map<String, Object> result(
      boolean valid, Integer tasks, List<Map<String, Object>> problems, List<String> warnings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", valid);
    out.put("tasks", tasks);
    out.put("problems", problems);
    out.put("warnings", warnings);
    return out;
  }

  /** What is valid but cannot be meant: an enabled {@code at} task whose instant has passed. */
  private static List<String> warnings(RunnerConfig config, Instant now) {
    List<String> warnings = new ArrayList<>();
    for (TaskDef task : config.tasks()) {
      if (task.enabled() && task.schedule() instanceof ScheduleSpec.AtSpec at) {
        Instant when = at.at().toInstant(task.zone());
        if (when.isBefore(now)) {
          warnings.add(
              config.file().getFileName()
                  + ": tasks."
                  + task.name()
                  + ".at: "
                  + Times.local(when, task.zone())
                  + " has passed, so the task will not run (unless it already has); give it a"
                  + " later time, or start it by hand: runner run "
                  + task.name());
        }
      }
    }
    return warnings;
  }
}
