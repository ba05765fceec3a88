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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What one invocation's commands share: the home its options name, the config loaded once, the
 * engine (stopped and recorded on SIGTERM), one read of the database at a time.
 */
public final class Session {

  private final Invocation invocation;
  private final Supplier<HomeOptions> options;
  private RunnerConfig config;
  private Engine engine;
  private Thread onSignal;

  /** {@code options} is read when first needed: picocli sets them after the root is made. */
  Session(Invocation invocation, Supplier<HomeOptions> options) {
    this.invocation = invocation;
    this.options = options;
  }

  public Home home() {
    return options.get().resolve(invocation);
  }

  private Home checkedHome() throws InvalidConfigException {
    return options.get().checked(invocation);
  }

  public ConfigLoader loader() {
    return new ConfigLoader(
        () -> TaskTypes.load(Session.class.getClassLoader(), home().dir().resolve("plugins")),
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
      engine = new Engine(config(), clock, Identity.current(config().settings()));
      // SIGTERM and SIGINT run the hooks: the runs are stopped and recorded before the JVM ends.
      Engine stopping = engine;
      onSignal = new Thread(stopping::stopOnSignal, "runner-stop");
      Runtime.getRuntime().addShutdownHook(onSignal);
    }
    return engine;
  }

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
