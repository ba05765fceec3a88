package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.DaemonLines;
import dev.runner.cli.render.EnvFileWarning;
import dev.runner.config.RunnerConfig;
import dev.runner.daemon.ClockWaiter;
import dev.runner.daemon.Daemon;
import dev.runner.daemon.DaemonLock;
import dev.runner.engine.BusyException;
import dev.runner.engine.Identity;
import dev.runner.query.DaemonHealth;
import dev.runner.schedule.Durations;
import java.io.IOException;
import java.nio.file.Path;
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
      "Stay resident: run each fire at its instant, reload the config when it changes.",
      "Seconds-level cron fires on time; tasks_config.json and .env are read again when they",
      "change (an invalid edit keeps the last good config); SIGTERM or Ctrl-C stops it cleanly.",
      "The same passes as tick; a tick from cron next to it never runs a fire twice.",
      "Logs to stdout as well as logs/task.log (docker logs, journalctl).",
      "--listen HOST:PORT serves the web console and API as well, from this one process.",
      "--status: exit 0 if a daemon serves this home and passed within 3 minutes, else 1."
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

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description =
          "Serve the console and API here too, in this one process, as runner web does"
              + " (127.0.0.1:8080 is runner web's default).")
  String listen;

  @Option(
      names = "--status",
      description = "Say whether a daemon serves this home and is passing (a health check).")
  boolean status;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    if (status) {
      return status(inv);
    }
    Duration grace = grace();
    RunnerConfig config = root.session().config();
    StringBuilder holder = new StringBuilder();
    Optional<DaemonLock> lock = DaemonLock.tryAcquire(lockFile(), holder);
    if (lock.isEmpty()) {
      throw new BusyException(DaemonLines.busy(config.home().dir(), holder));
    }
    new EnvFileWarning(config.home().dir()).sayOnce(config.home().envFile(), inv.err());
    try (DaemonLock held = lock.get()) {
      // the web first: its URL is the first line, as runner web's is
      Runnable stopWeb =
          listen == null ? () -> {} : WebStart.start(root.session(), inv, listen)::stop;
      Daemon daemon =
          new Daemon(
              root.session()::reloadConfig,
              inv.clock(),
              Identity.current(config.settings()),
              new ClockWaiter(inv.clock()),
              inv.out()::println,
              grace,
              held::beat);
      // SIGTERM and SIGINT run the hooks: the daemon stops, records, and only then may the JVM end.
      Thread hook =
          new Thread(
              () -> {
                stopWeb.run(); // no run starts from the browser while the daemon's runs end
                daemon.stop();
                try {
                  daemon.awaitStopped();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "runner-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        daemon.run(config);
      } finally {
        stopWeb.run();
      }
    }
    return ExitCode.OK;
  }

  private Path lockFile() {
    return DaemonLock.file(root.session().home().dir());
  }

  private int status(Invocation inv) throws IOException {
    Path home = root.session().home().dir();
    Optional<DaemonHealth> health = DaemonHealth.of(home, inv.clock().instant());
    inv.out().println(DaemonLines.health(home, health));
    return health.isPresent() && !health.get().stuck() ? ExitCode.OK : ExitCode.TASK_FAILED;
  }

  private Duration grace() {
    try {
      return Durations.parse(graceText);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--grace: " + e.getMessage());
    }
  }
}
