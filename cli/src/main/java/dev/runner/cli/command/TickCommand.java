package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.AheadReport;
import dev.runner.cli.render.EnvFileWarning;
import dev.runner.cli.render.InvalidReport;
import dev.runner.cli.render.Times;
import dev.runner.config.Home;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Decision;
import dev.runner.engine.Engine;
import dev.runner.engine.IdleRecord;
import dev.runner.engine.PassMark;
import dev.runner.engine.RunResult;
import dev.runner.engine.StateAhead;
import dev.runner.engine.TaskLog;
import dev.runner.engine.TickReport;
import dev.runner.store.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
      config = root.config();
    } catch (InvalidConfigException e) {
      logInvalid(root.home(), e);
      throw e;
    }
    ZoneId zone = config.settings().zone();
    Clock clock = now == null ? inv.clock() : Times.clockAt(inv.clock(), now, zone);
    boolean recordIdle = now == null && !dryRun;
    Duration nowAhead = Duration.between(inv.clock().instant(), clock.instant());
    if (now != null && !dryRun && nowAhead.compareTo(StateAhead.TOLERANCE) > 0) {
      inv.err()
          .println(
              "runner: --now is "
                  + StateAhead.describe(nowAhead)
                  + " ahead of the clock: the tasks' watermarks move there, and ticks on the real"
                  + " clock run none of their fires until then (undo: runner state reset --all;"
                  + " --dry-run changes nothing)");
    }
    if (recordIdle) {
      IdleRecord.clear(config.home().dir()); // this tick's outcome replaces it
      new InvalidReport(config.home().dir()).report(config.invalid(), inv.err());
    } else {
      InvalidReport.lines(config.invalid()).values().forEach(inv.err()::println);
    }
    if (!dryRun) {
      PassMark.record(config.home().dir(), clock.instant());
      new EnvFileWarning(config.home().dir()).sayOnce(config.home().envFile(), inv.err());
    }
    try {
      TickReport report = root.engine(clock).tick(dryRun);
      if (recordIdle && !report.busy()) {
        new AheadReport(config.home().dir())
            .report(
                StateAhead.find(root.engine(clock).store().states().values(), clock.instant()),
                inv.err(),
                zone);
        root.engine(clock).afterPass(clock.instant());
        writeIdleRecord(config, root.engine(clock).idle(), clock);
      }
      if (report.busy()) {
        if (inv.terminal() || dryRun) {
          inv.err().println("runner: another tick is running in this home; nothing to do");
        }
        return ExitCode.OK;
      }
      if (dryRun) {
        printPlan(report, inv.out(), clock, zone);
        for (StateAhead.Ahead ahead :
            StateAhead.find(root.engine(clock).store().states().values(), clock.instant())) {
          inv.out().println(AheadReport.line(ahead, zone));
        }
        return ExitCode.OK;
      }
      for (String task : report.crashed()) {
        inv.err()
            .println(
                task
                    + ": crashed: its runner process ended during the run (see runner"
                    + " history --task "
                    + task
                    + ")");
      }
      for (RunResult result : report.results()) {
        if (result.status().isFailure() && result.finalAttempt()) {
          inv.err()
              .println(
                  result.task()
                      + ": "
                      + result.status().dbName()
                      + (result.error() == null ? "" : ": " + result.error())
                      + " (runner logs "
                      + result.id()
                      + ")");
        }
      }
      if (inv.terminal()) {
        inv.out().println(summary(report));
      }
      return report.anyFailed() ? ExitCode.TASK_FAILED : ExitCode.OK;
    } finally {
      root.closeEngine();
    }
  }

  /**
   * What the next ticks need to know to skip the full work while nothing is due. Written after the
   * store is closed, so the database files are stamped as the next tick will find them.
   */
  private void writeIdleRecord(RunnerConfig config, Engine.Idle idle, Clock clock) {
    root.closeEngine();
    Path db = config.settings().database();
    try {
      IdleRecord.write(
          config.home().dir(),
          new IdleRecord.Inputs(
              config.home().configFile(), config.home().envFile(), root.invocation().environment()),
          List.of(
              db,
              db.resolveSibling(db.getFileName() + "-wal"),
              config.home().dir().resolve("plugins")),
          clock.instant(),
          idle.due(),
          idle.live());
    } catch (IOException e) {
      // without the record the next tick simply does the full work
    }
  }

  private static void printPlan(TickReport report, PrintWriter out, Clock clock, ZoneId zone) {
    out.println("dry run at " + Times.iso(clock.instant(), zone) + "; nothing was changed");
    for (String task : report.crashed()) {
      out.println("would mark crashed  " + task);
    }
    if (report.decisions().isEmpty()) {
      out.println("nothing is due");
    }
    for (Decision d : report.decisions()) {
      out.println(
          (d.run() ? "would run   " : "would skip  ")
              + d.task()
              + "  for "
              + Times.iso(d.scheduledFor(), zone)
              + (d.run()
                  ? (d.notes().containsKey("skipped_fires")
                      ? "  (" + d.notes().get("skipped_fires") + " earlier fires skipped)"
                      : "")
                  : "  (" + d.reason() + ")"));
    }
  }

  private static String summary(TickReport report) {
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    report.results().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    long skipped = report.decisions().stream().filter(d -> !d.run()).count();
    if (report.results().isEmpty() && skipped == 0 && report.crashed().isEmpty()) {
      return "tick: nothing was due";
    }
    StringBuilder line = new StringBuilder("tick: ").append(report.results().size()).append(" ran");
    counts.forEach((status, n) -> line.append(", ").append(n).append(' ').append(status.dbName()));
    if (skipped > 0) {
      line.append(", ").append(skipped).append(" skipped");
    }
    if (!report.crashed().isEmpty()) {
      line.append(", ").append(report.crashed().size()).append(" found crashed");
    }
    return line.toString();
  }

  /**
   * A broken config is logged as well as printed, so an unattended home shows it
   * (docs/configuration.md, "Invalid configuration").
   */
  private static void logInvalid(Home home, InvalidConfigException e) {
    try {
      TaskLog log = new TaskLog(home.dir().resolve("logs"), 7);
      log.note(
          "tick ran nothing: the configuration has "
              + e.getMessage()
              + ": "
              + e.problems().get(0)
              + (e.problems().size() > 1 ? " (and more)" : ""));
    } catch (RuntimeException ignored) {
      // printing the problems is what matters
    }
  }
}
