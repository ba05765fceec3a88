package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.AheadReport;
import dev.runner.cli.render.CronDescriptions;
import dev.runner.cli.render.FirePrinter;
import dev.runner.cli.render.Times;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.StateAhead;
import dev.runner.query.Fires;
import dev.runner.schedule.ScheduleSpec;
import dev.runner.store.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "next",
    mixinStandardHelpOptions = true,
    description = "The next fire times of a task, as ISO-8601 with offset.")
final class NextCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "TASK", description = "The task's name.")
  String taskName;

  @Option(names = "-n", defaultValue = "5", description = "How many (default 5).")
  int count;

  @Option(
      names = "--from",
      paramLabel = "ISO",
      description = "Start after this time (default now).")
  String from;

  @Option(names = "--json", description = "Print a JSON array of instants.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().config();
    TaskDef task = NamedTask.find(config, taskName);
    if (task.manual()) {
      inv.out()
          .println(
              json
                  ? "[]"
                  : task.name()
                      + " has no schedule ("
                      + task.scheduleText()
                      + "); start it with `runner run "
                      + task.name()
                      + "`");
      return ExitCode.OK;
    }
    Instant start = from == null ? inv.clock().instant() : Times.parse(from, task.zone(), "--from");
    TaskState state = root.session().read(store -> store.states().get(task.name()));
    String description =
        task.schedule() instanceof ScheduleSpec.CronSpec cron
            ? CronDescriptions.describe(cron.expression())
            : task.scheduleText();
    if (state != null && StateAhead.isAhead(state, inv.clock().instant()) && !json) {
      Instant now = inv.clock().instant();
      inv.out()
          .println(
              AheadReport.line(
                  new StateAhead.Ahead(
                      task.name(), state.watermark(), Duration.between(now, state.watermark())),
                  config.settings().zone()));
    }
    if (!task.enabled() && !json) {
      inv.out().println(task.name() + " is disabled; these are the fires it would have:");
    }
    return FirePrinter.print(
        inv,
        Fires.of(task, state, inv.clock().instant()).orElseThrow(),
        start,
        count,
        task.zone(),
        json,
        description == null ? null : description + " (" + task.zone() + ")");
  }
}
