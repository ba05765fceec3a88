package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.BackfillReport;
import dev.runner.cli.render.Times;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.Engine;
import dev.runner.engine.RunResult;
import dev.runner.query.BackfillPlan;
import dev.runner.schedule.Durations;
import dev.runner.store.RunStatus;
import dev.runner.task.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Run a window task's windows of a time range, in order, in the foreground.",
      "Stops at the first failure and says how to resume. The live schedule is left as it is."
    })
final class BackfillCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "TASK", description = "A task with a window.")
  String taskName;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "ISO",
      description = "The first window's start.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "ISO",
      description = "The last window's end.")
  String to;

  @Option(names = "--dry-run", description = "List the windows and run nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().config();
    TaskDef task = NamedTask.find(config, taskName);
    if (task.windowSize() == null) {
      throw new UsageException(
          task.name()
              + " has no window; backfill is for tasks with"
              + " \"window\" (see README, Time windows)");
    }
    ZoneId zone = task.zone();
    Instant start = Times.parse(from, zone, "--from");
    Instant end = Times.parse(to, zone, "--to");
    if (!start.isBefore(end)) {
      throw new UsageException("--from must be before --to");
    }
    BackfillPlan plan = BackfillPlan.of(start, end, task.windowSize());
    if (plan.windows().isEmpty()) {
      throw new UsageException(
          "the range is shorter than one window (" + Durations.format(task.windowSize()) + ")");
    }
    BackfillReport report = new BackfillReport(inv, task.name(), zone, plan);
    if (plan.covered().isBefore(end)) {
      report.endsInside();
    }
    if (dryRun) {
      report.dryRun();
      return ExitCode.OK;
    }
    try {
      Engine engine = root.session().engine();
      List<Window> windows = plan.windows();
      for (int i = 0; i < windows.size(); i++) {
        Window window = windows.get(i);
        report.show(i, window);
        List<RunResult> attempts =
            engine.runInForeground(
                Engine.Request.backfill(task, window), inv.terminal() ? null : inv.out());
        RunResult last = attempts.get(attempts.size() - 1);
        if (last.status().isFailure() || last.status() == RunStatus.CANCELLED) {
          report.failed(i, window, last, end);
          return ExitCode.TASK_FAILED;
        }
      }
      report.finished(start);
      return ExitCode.OK;
    } finally {
      root.session().closeEngine();
    }
  }
}
