package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.EnvFileWarning;
import dev.runner.cli.render.RunLines;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.Engine;
import dev.runner.engine.RunResult;
import dev.runner.store.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a task now, in the foreground, with its output shown as it comes.",
      "The exit code is the run's: 0 success, 1 failed, 3 when it is already running."
    })
final class RunCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "TASK", description = "The task's name.")
  String taskName;

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "Set a value of the task's params for this run; repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--no-deps", description = "Do not start the task's dependents afterwards.")
  boolean noDeps;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().config();
    new EnvFileWarning(config.home().dir()).sayOnce(config.home().envFile(), inv.err());
    TaskDef task = NamedTask.find(config, taskName);
    if (task.window() != null) {
      // a run by hand has no window of its own; taking the schedule's next one could leave a gap
      throw new UsageException(
          task.name()
              + " is a window task: its windows run in order on"
              + " schedule; to run a range now: runner backfill "
              + task.name()
              + " --from ISO --to ISO (add --dry-run to see the windows)");
    }
    try {
      List<RunResult> attempts =
          root.session()
              .engine()
              .runInForeground(Engine.Request.manual(task, params, !noDeps), inv.out());
      for (RunResult result : attempts) {
        inv.err().println(RunLines.attempt(result, config.settings().zone()));
      }
      // a cancel is no failure, but `runner run X && next` must not go on after one
      boolean failed =
          attempts.stream()
              .anyMatch(
                  r ->
                      r.finalAttempt()
                          && (r.status().isFailure() || r.status() == RunStatus.CANCELLED));
      return failed ? ExitCode.TASK_FAILED : ExitCode.OK;
    } finally {
      root.session().closeEngine();
    }
  }
}
