package dev.runner.cli.command;

import dev.runner.cli.render.EnvFileWarning;
import dev.runner.cli.render.InvalidReport;
import dev.runner.config.Home;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Engine;
import dev.runner.engine.IdleRecord;
import dev.runner.engine.PassMark;
import dev.runner.engine.TaskLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a tick leaves in the home besides the database: the log line of a refused configuration, the
 * pass mark, the problems said once on stderr, and the idle record the next ticks read.
 */
final class TickRecords {

  private TickRecords() {}

  /**
   * A broken config is logged as well as printed, so an unattended home shows it
   * (docs/configuration.md, "Invalid configuration").
   */
  static void logInvalid(Home home, InvalidConfigException e) {
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

  /**
   * Before the pass: a tick that records its outcome clears the last idle record and says each
   * invalid task's problems once; a simulated one says them every time; one that is not a dry run
   * marks the pass and warns of a {@code .env} others can read.
   */
  static void before(
      RunnerConfig config, boolean recordIdle, boolean dryRun, Instant at, PrintWriter err) {
    Path home = config.home().dir();
    if (recordIdle) {
      IdleRecord.clear(home); // this tick's outcome replaces it
      new InvalidReport(home).report(config.invalid(), err);
    } else {
      InvalidReport.lines(config.invalid()).values().forEach(err::println);
    }
    if (!dryRun) {
      PassMark.record(home, at);
      new EnvFileWarning(home).sayOnce(config.home().envFile(), err);
    }
  }

  /**
   * What the next ticks need to know to skip the full work while nothing is due. Written after the
   * store is closed, so the database files are stamped as the next tick will find them.
   */
  static void writeIdleRecord(
      RunnerConfig config, Map<String, String> environment, Engine.Idle idle, Instant at) {
    if (config.settings().shared()) {
      // other hosts write to it: local file stamps cannot tell whether it changed
      return;
    }
    Path db = config.settings().database();
    try {
      IdleRecord.write(
          config.home().dir(),
          new IdleRecord.Inputs(config.home().configFile(), config.home().envFile(), environment),
          List.of(
              db,
              db.resolveSibling(db.getFileName() + "-wal"),
              config.home().dir().resolve("plugins")),
          at,
          idle.due(),
          idle.live());
    } catch (IOException e) {
      // without the record the next tick simply does the full work
    }
  }
}
