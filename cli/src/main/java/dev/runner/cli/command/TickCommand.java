package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.AheadReport;
import dev.runner.cli.render.TickLines;
import dev.runner.cli.render.Times;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Engine;
import dev.runner.engine.StateAhead;
import dev.runner.engine.TickReport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "tick",
    mixinStandardHelpOptions = true,
    description = {
      "One scheduling pass: run what is due, record it, exit.",
      "Cron calls it every minute: * * * * * runner --home DIR tick",
      "Prints nothing when all is well; problems go to stderr (cron mails them)."
    })
final class TickCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--dry-run", description = "Print what would run and change nothing.")
  boolean dryRun;

  @Option(
      names = "--now",
      paramLabel = "ISO",
      description = "Act as if it were this time (simulation, tests), e.g. 2026-01-01T08:00:00Z.")
  String now;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config;
    try {
      config = root.session().config();
    } catch (InvalidConfigException e) {
      TickRecords.logInvalid(root.session().home(), e);
      throw e;
    }
    ZoneId zone = config.settings().zone();
    Clock clock = now == null ? inv.clock() : Times.clockAt(inv.clock(), now, zone);
    boolean recordIdle = now == null && !dryRun;
    if (now != null && !dryRun) {
      TickLines.nowAhead(Duration.between(inv.clock().instant(), clock.instant()))
          .ifPresent(inv.err()::println);
    }
    TickRecords.before(config, recordIdle, dryRun, clock.instant(), inv.err());
    try {
      TickReport report = root.session().engine(clock).tick(dryRun);
      if (recordIdle && !report.busy()) {
        new AheadReport(config.home().dir())
            .report(
                StateAhead.find(
                    root.session().engine(clock).store().states().values(), clock.instant()),
                inv.err(),
                zone);
        root.session().engine(clock).afterPass(clock.instant());
        Engine.Idle idle = root.session().engine(clock).idle();
        root.session().closeEngine(); // before the idle record, which stamps the database files
        TickRecords.writeIdleRecord(config, inv.environment(), idle, clock.instant());
      }
      if (report.busy()) {
        if (inv.terminal() || dryRun) {
          inv.err().println(TickLines.BUSY);
        }
        return ExitCode.OK;
      }
      if (dryRun) {
        List<StateAhead.Ahead> ahead =
            StateAhead.find(
                root.session().engine(clock).store().states().values(), clock.instant());
        TickLines.plan(report, ahead, clock.instant(), zone, inv.out());
        return ExitCode.OK;
      }
      TickLines.failures(report, inv.err());
      if (inv.terminal()) {
        inv.out().println(TickLines.summary(report));
      }
      return report.anyFailed() ? ExitCode.TASK_FAILED : ExitCode.OK;
    } finally {
      root.session().closeEngine();
    }
  }
}
