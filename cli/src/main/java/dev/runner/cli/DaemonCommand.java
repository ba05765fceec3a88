package dev.runner.cli;

import dev.runner.config.RunnerConfig;
import dev.runner.daemon.ClockWaiter;
import dev.runner.daemon.Daemon;
import dev.runner.daemon.DaemonLock;
import dev.runner.engine.BusyException;
import dev.runner.engine.Identity;
import dev.runner.schedule.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Stay resident: run what is due at its instant (seconds-level cron too), reload",
      "tasks_config.json and .env when they change, stop cleanly on SIGTERM or Ctrl-C.",
      "The same passes as tick; a tick from cron next to it never runs a fire twice.",
      "Logs to stdout as well as logs/task.log (docker logs, journalctl)."
    })
final class DaemonCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "On SIGTERM, how long runs under way may take to end before they are stopped"
              + " (default: ${DEFAULT-VALUE}).")
  String graceText;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation;
    Duration grace = grace();
    RunnerConfig config = root.config();
    StringBuilder holder = new StringBuilder();
    Optional<DaemonLock> lock =
        DaemonLock.tryAcquire(config.home().dir().resolve("locks").resolve("daemon.lock"), holder);
    if (lock.isEmpty()) {
      throw new BusyException(
          "another runner daemon"
              + (holder.isEmpty() ? "" : " (pid " + holder + ")")
              + " serves "
              + config.home().dir()
              + "; stop it first");
    }
    try (DaemonLock held = lock.get()) {
      Daemon daemon =
          new Daemon(
              root::reloadConfig,
              inv.clock(),
              Identity.current(),
              new ClockWaiter(inv.clock()),
              inv.out()::println,
              grace);
      // SIGTERM and SIGINT run the hooks: the daemon stops, records, and only then may the JVM end.
      Thread hook =
          new Thread(
              () -> {
                daemon.stop();
                try {
                  daemon.awaitStopped();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "runner-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      daemon.run(config);
    }
    return ExitCode.OK;
  }

  private Duration grace() {
    try {
      return Durations.parse(graceText);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--grace: " + e.getMessage());
    }
  }
}
