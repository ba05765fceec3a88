package dev.runner.cli;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.Redactor;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.engine.Engine;
import dev.runner.engine.Identity;
import dev.runner.store.Store;
import dev.runner.store.factory.StoreFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code runner}: the command tree and the per-invocation context its commands share. */
@Command(
    name = "runner",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A task runner for a personal or intranet server, driven by cron.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:a task failed",
      "2:bad usage or invalid configuration",
      "3:busy: another process holds what is needed",
      "4:internal error (the stack trace is in logs/task.log)",
      "5:the home's storage cannot be used: disk full, database locked, damaged or read-only"
    })
public final class RunnerCommand implements Runnable {

  private final Invocation invocation;

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "The home folder (default: $RUNNER_HOME, else the current directory).")
  String homeOption;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "The task file (default: HOME/tasks_config.json).")
  String configOption;

  @Option(
      names = "--env-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "The secrets and settings file (default: HOME/.env).")
  String envFileOption;

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal error.")
  boolean stacktrace;

  private RunnerConfig config;
  private Engine engine;

  RunnerCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /** A root with these options set, as picocli would set them (FastHistory reads them itself). */
  public RunnerCommand(Invocation invocation, HomeOptions options) {
    this(invocation);
    this.homeOption = options.home();
    this.configOption = options.config();
    this.envFileOption = options.envFile();
  }

  public Invocation invocation() {
    return invocation;
  }

  public HomeOptions homeOptions() {
    return new HomeOptions(homeOption, configOption, envFileOption);
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "a command is needed, e.g. `runner list` or `runner tick`");
  }

  public Home home() {
    return homeOptions().resolve(invocation);
  }

  private Home checkedHome() throws InvalidConfigException {
    return homeOptions().checked(invocation);
  }

  public ConfigLoader loader() {
    return new ConfigLoader(
        () -> TaskTypes.load(RunnerCommand.class.getClassLoader(), home().dir().resolve("plugins")),
        invocation.environment(),
        ZoneId.systemDefault());
  }

  /** The loaded config; an invalid one ends the command with exit code 2. */
  public RunnerConfig config() throws InvalidConfigException {
    if (config == null) {
      config = loader().load(checkedHome());
    }
    return config;
  }

  /**
   * What masks the home's secrets in text, as far as they can be known: from the config this
   * command loaded, else from the settings and {@code .env} alone; none when even those cannot be
   * read. For an internal error, whose message and stack trace may quote a secret.
   */
  public UnaryOperator<String> secretMask() {
    try {
      RunnerConfig known = config != null ? config : settings();
      return new Redactor(known.environment().secretValues())::redact;
    } catch (InvalidConfigException | RuntimeException e) {
      return UnaryOperator.identity();
    }
  }

  /** A fresh read of the config files, for the daemon's reload. */
  public RunnerConfig reloadConfig() throws InvalidConfigException {
    return loader().load(checkedHome());
  }

  public Engine engine(Clock clock) throws InvalidConfigException {
    if (engine == null) {
      engine = new Engine(config(), clock, Identity.current());
      // SIGTERM and SIGINT run the hooks: the runs are stopped and recorded before the JVM ends.
      Engine stopping = engine;
      onSignal = new Thread(stopping::stopOnSignal, "runner-stop");
      Runtime.getRuntime().addShutdownHook(onSignal);
    }
    return engine;
  }

  private Thread onSignal;

  public Engine engine() throws InvalidConfigException {
    return engine(invocation.clock());
  }

  /** The settings alone (no tasks parsed), for commands that only read the database. */
  public RunnerConfig settings() throws InvalidConfigException {
    return config != null ? config : loader().loadSettings(checkedHome());
  }

  /**
   * One read of the database, opened and closed around it; on a read-only disk or file, opened
   * read-only, so a home that cannot be written still shows its history.
   */
  public <T> T read(Function<Store, T> query) throws InvalidConfigException {
    try (Store open = StoreFactory.of(settings()).openForReading()) {
      return query.apply(open);
    }
  }

  public void closeEngine() {
    if (engine != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for the runs, which need the engine until it returns
        return;
      }
      engine.close();
      engine = null;
    }
  }
}
