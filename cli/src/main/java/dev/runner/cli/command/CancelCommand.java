package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Engine;
import dev.runner.engine.Identity;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Stop a running run: its process group gets SIGTERM, then SIGKILL after the grace.",
      "Whichever process owns it (tick, daemon, web, run) stops it within a second; it is",
      "recorded cancelled, not retried, and its dependents do not start."
    })
final class CancelCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "RUN_ID", description = "The run's id, as `runner history` shows it.")
  long runId;

  @Option(names = "--wait", description = "Wait until the run has ended, and say how.")
  boolean waitForEnd;

  /** How long --wait waits: the owner's look, the kill grace, the record. */
  static final Duration WAIT = Engine.KILL_GRACE.plusSeconds(10);

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    PrintWriter out = inv.out();
    // the settings alone: a config whose tasks do not load must not keep a run from being stopped
    RunnerConfig settings = root.session().settings();
    try (Engine engine = new Engine(settings, inv.clock(), Identity.current(settings.settings()))) {
      Engine.Cancel cancel = engine.cancel(runId);
      RunRecord run = cancel.run();
      switch (cancel.result()) {
        case UNKNOWN ->
            throw new UsageException("no run with id " + runId + "; see `runner history`");
        case NOT_RUNNING ->
            throw new UsageException(
                "run "
                    + runId
                    + " ("
                    + run.taskName()
                    + ") is not running: it ended "
                    + run.status().dbName());
        case RECORDED -> {
          out.println(
              "run "
                  + runId
                  + " ("
                  + run.taskName()
                  + "): cancelled; its runner process had ended");
          return ExitCode.OK;
        }
        case REQUESTED -> {
          out.println(
              "run "
                  + runId
                  + " ("
                  + run.taskName()
                  + "): cancelling; its runner process (pid "
                  + run.pid()
                  + ") stops it");
        }
      }
      if (!waitForEnd) {
        return ExitCode.OK;
      }
      out.flush();
      Instant end = Instant.now().plus(WAIT);
      while (Instant.now().isBefore(end)) {
        RunStatus status = engine.store().find(runId).map(RunRecord::status).orElseThrow();
        if (status != RunStatus.RUNNING) {
          out.println("run " + runId + " (" + run.taskName() + "): " + status.dbName());
          return ExitCode.OK;
        }
        Thread.sleep(100); // a person waits on another process here, not on a test's clock
      }
      inv.err().println("run " + runId + " still runs after " + WAIT.toSeconds() + " s");
      return ExitCode.TASK_FAILED;
    }
  }
}
