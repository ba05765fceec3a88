package dev.runner.web;

import dev.runner.config.InvalidConfigException;
import dev.runner.config.Problem;
import dev.runner.config.Redactor;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.daemon.ConfigWatch;
import dev.runner.engine.BusyException;
import dev.runner.engine.Engine;
import dev.runner.engine.Identity;
import dev.runner.store.Store;
import dev.runner.store.factory.StoreFactory;
import dev.runner.task.Window;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The home as the web server sees it: the config read again when {@code tasks_config.json} or
 * {@code .env} has changed (asked per request, a few file stats), an engine that starts runs by
 * request in a pool of {@code RUNNER_MAX_WORKERS}, and a connection for reads apart from the
 * engine's, so a page is not held behind a run's record.
 *
 * <p>An invalid config is kept beside the last good one: task endpoints answer its problems,
 * history, statistics and status still answer from the settings, and the engine keeps the last good
 * tasks for the runs under way.
 */
public final class WebHome implements AutoCloseable {

  /** A fresh read of the home's files: the whole config, or the settings and {@code .env} alone. */
  @FunctionalInterface
  public interface Loader {
    RunnerConfig load() throws InvalidConfigException;
  }

  /** The command line's reads: {@code settings} for when the tasks do not load. */
  record Source(Loader config, Loader settings) {}

  /**
   * The config as last read: loaded, or refused with its problems (and then the settings alone, or
   * the last ones that loaded when even those do not).
   */
  record Loaded(RunnerConfig config, List<Problem> problems) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  private final Source source;
  private final Clock clock;
  private final ConfigWatch watch;
  private final Engine engine;
  private final Store reads;
  private final ThreadPoolExecutor pool;
  private volatile Loaded loaded;
  private volatile Redactor redactor;
  private final List<Consumer<Reload>> reloads = new CopyOnWriteArrayList<>();

  /** A read of changed files: the config before and after it (either may be refused). */
  record Reload(Loaded before, Loaded after) {}

  private WebHome(Source source, Clock clock, Loaded first) {
    this.source = source;
    this.clock = clock;
    this.loaded = first;
    this.redactor = redactorOf(first.config());
    RunnerConfig config = first.config();
    this.watch = new ConfigWatch(List.of(config.home().configFile(), config.home().envFile()));
    this.engine = new Engine(config, clock, Identity.current(config.settings()));
    this.reads = StoreFactory.of(config).openForReading();
    int workers = config.settings().maxWorkers();
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread thread = new Thread(r, "runner-web-run-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * The home, its config read once; a config whose tasks do not load is taken with its problems.
   *
   * @throws InvalidConfigException when even the settings and {@code .env} do not load
   */
  static WebHome open(Source source, Clock clock) throws InvalidConfigException {
    Loaded loaded;
    try {
      loaded = new Loaded(source.config().load(), List.of());
    } catch (InvalidConfigException e) {
      loaded = new Loaded(source.settings().load(), e.problems());
    }
    return new WebHome(source, clock, loaded);
  }

  Clock clock() {
    return clock;
  }

  Engine engine() {
    return engine;
  }

  /** The connection for reads: the history, states and runs every endpoint shows. */
  Store reads() {
    return reads;
  }

  /** What masks the home's secrets in every answer: those of the config last read. */
  Redactor redactor() {
    return redactor;
  }

  /** The config, read again first if its files changed since the last read. */
  synchronized Loaded loaded() {
    if (watch.changed()) {
      reload();
    }
    return loaded;
  }

  /** {@code listener} hears every reload, on the thread that found the files changed. */
  void onReload(Consumer<Reload> listener) {
    reloads.add(listener);
  }

  private void reload() {
    Loaded before = loaded;
    readAgain();
    Reload reload = new Reload(before, loaded);
    reloads.forEach(listener -> listener.accept(reload));
  }

  private void readAgain() {
    watch.accept();
    RunnerConfig last = loaded.config();
    try {
      RunnerConfig next = source.config().load();
      engine.reconfigure(next);
      resize(next.settings().maxWorkers());
      loaded = new Loaded(next, List.of());
      engine.taskLog().note("web: configuration reloaded: " + next.tasks().size() + " tasks");
    } catch (InvalidConfigException e) {
      RunnerConfig settings;
      try {
        settings = source.settings().load();
      } catch (InvalidConfigException alsoSettings) {
        settings = last;
      }
      loaded = new Loaded(settings, e.problems());
      engine
          .taskLog()
          .warn(
              "web: the changed configuration has "
                  + e.getMessage()
                  + "; runs by request wait until it is fixed");
    }
    redactor = redactorOf(loaded.config());
  }

  private static Redactor redactorOf(RunnerConfig config) {
    return new Redactor(config.environment().secretValues());
  }

  private void resize(int workers) {
    if (workers > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(workers);
      pool.setCorePoolSize(workers);
    } else {
      pool.setCorePoolSize(workers);
      pool.setMaximumPoolSize(workers);
    }
  }

  /** Claims a run of the request's task and starts it in the pool; its id at once. */
  long submit(Engine.Request request) throws BusyException {
    Engine.Submitted submitted = engine.submit(request, pool, null);
    submitted
        .results()
        .whenComplete(
            (results, failure) -> {
              if (failure != null) {
                engine.taskLog().error("web: a run failed inside runner", failure);
              }
            });
    return submitted.runId();
  }

  /** Claims the windows' runs and starts them, in order, in the pool; their ids at once. */
  Engine.Backfill backfill(TaskDef task, List<Window> windows, boolean advance)
      throws BusyException {
    Engine.Backfill started = engine.submitBackfill(task, windows, advance, pool);
    started
        .results()
        .whenComplete(
            (results, failure) -> {
              if (failure != null) {
                engine.taskLog().error("web: a backfill failed inside runner", failure);
              }
            });
    return started;
  }

  /**
   * The stop (SIGTERM, Ctrl-C): nothing new starts, the runs under way are stopped and recorded as
   * stopped, as {@code runner run}'s are on a signal.
   */
  void stop() {
    engine.stopTakingWork();
    engine.stopOnSignal();
    pool.shutdown();
  }

  @Override
  public void close() {
    engine.close();
    reads.close();
  }
}
