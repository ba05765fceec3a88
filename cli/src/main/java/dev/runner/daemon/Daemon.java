package dev.runner.daemon;

import dev.runner.config.InvalidConfigException;
import dev.runner.config.InvalidTask;
import dev.runner.config.Problem;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Engine;
import dev.runner.engine.Identity;
import dev.runner.engine.Pass;
import dev.runner.engine.PassMark;
import dev.runner.engine.TaskLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code runner daemon}: the tick's pass (the same {@link Engine}) again and again, each time
 * sleeping until the next fire or queued retry, a run's end or a change of the config. Runs go on
 * in a pool of {@code RUNNER_MAX_WORKERS} while later passes start others.
 */
public final class Daemon {

  /**
   * The longest sleep. Fires wake the daemon at their instant; this only bounds how long a jump of
   * the wall clock (NTP, a suspended machine) can go unnoticed.
   */
  static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);

  /** Another process (a cron tick) held the tick lock: try again this soon. */
  private static final Duration BUSY_RETRY = Duration.ofMillis(200);

  /** After an unexpected failure of a pass, the next try. */
  private static final Duration FAILURE_RETRY = Duration.ofSeconds(10);

  /** Where a new config comes from: the same loader as every command's. */
  public interface ConfigSource {
    RunnerConfig load() throws InvalidConfigException;
  }

  private final ConfigSource source;
  private final Clock clock;
  private final Identity identity;
  private final Waiter waiter;
  private final Consumer<String> out;
  private final Duration grace;
  private final Runnable heartbeat;
  private final Set<CompletableFuture<?>> underWay = ConcurrentHashMap.newKeySet();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopRequested;

  public Daemon(
      ConfigSource source,
      Clock clock,
      Identity identity,
      Waiter waiter,
      Consumer<String> out,
      Duration grace,
      Runnable heartbeat) {
    this.source = source;
    this.clock = clock;
    this.identity = identity;
    this.waiter = waiter;
    this.out = out;
    this.grace = grace;
    this.heartbeat = heartbeat;
  }

  /**
   * Serves {@code first} (and its successors) until {@link #stop}; returns once all is recorded.
   */
  public void run(RunnerConfig first) throws IOException, InterruptedException {
    try (Engine engine = new Engine(first, clock, identity, Engine.Mode.daemon(out));
        ConfigWatch watch = new ConfigWatch(files(first))) {
      ThreadPoolExecutor pool = pool(first.settings().maxWorkers());
      TaskLog log = engine.taskLog();
      watch.start(waiter::wake);
      log.note(
          "daemon started: pid "
              + identity.pid()
              + ", "
              + first.tasks().size()
              + " tasks, home "
              + first.home().dir());
      warnInvalid(log, first);
      while (!stopRequested) {
        Instant next;
        try {
          if (watch.changed()) {
            reload(engine, watch, pool);
          }
          next = pass(engine, pool);
          heartbeat.run();
        } catch (RuntimeException e) {
          log.error("a pass failed; the next try is in " + FAILURE_RETRY.toSeconds() + " s", e);
          next = clock.instant().plus(FAILURE_RETRY);
        }
        if (!stopRequested) {
          waiter.awaitUntil(next);
        }
      }
      drain(engine, log);
      pool.shutdown();
      log.note("daemon stopped");
    } finally {
      finished.countDown();
    }
  }

  /** One pass; returns when the next is due. */
  private Instant pass(Engine engine, ThreadPoolExecutor pool) throws IOException {
    Pass pass = engine.pass(pool);
    for (CompletableFuture<?> run : pass.runs()) {
      underWay.add(run);
      run.whenComplete(
          (result, error) -> {
            underWay.remove(run);
            waiter.wake(); // its end may have queued a retry or freed an overlapped task
          });
    }
    Instant now = clock.instant();
    PassMark.record(engine.config().home().dir(), now);
    if (pass.busy()) {
      return now.plus(BUSY_RETRY);
    }
    engine.afterPass(now);
    return nextWake(engine.idle().due(), now);
  }

  /**
   * The next fire or retry, but not in the past (a due retry of a task still running waits for that
   * run's end, which wakes the loop) and not beyond {@link #LONGEST_SLEEP}.
   */
  static Instant nextWake(Instant due, Instant now) {
    if (!due.isAfter(now)) {
      return now.plusSeconds(1);
    }
    Instant latest = now.plus(LONGEST_SLEEP);
    return due.isAfter(latest) ? latest : due;
  }

  /** Idle workers end after a minute: an idle daemon holds no threads but its own. */
  private static ThreadPoolExecutor pool(int workers) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread thread = new Thread(r, "runner-worker-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Reads the changed config; a valid one replaces the one in use, an invalid one is reported and
   * the last good one keeps running.
   */
  private void reload(Engine engine, ConfigWatch watch, ThreadPoolExecutor pool) {
    watch.accept();
    RunnerConfig now = engine.config();
    RunnerConfig next;
    try {
      next = source.load();
    } catch (InvalidConfigException e) {
      TaskLog log = engine.taskLog();
      log.warn(
          "the changed configuration has "
              + e.getMessage()
              + "; still running the last good one ("
              + now.tasks().size()
              + " tasks)");
      for (Problem problem : e.problems()) {
        log.warn("  " + problem);
      }
      return;
    }
    if (!next.settings().database().equals(now.settings().database())
        || !next.settings().logDir().equals(now.settings().logDir())) {
      engine
          .taskLog()
          .warn(
              "RUNNER_DB or RUNNER_LOG_DIR changed: the daemon keeps "
                  + now.settings().database()
                  + " and "
                  + now.settings().logDir()
                  + " until it is restarted");
    }
    engine.reconfigure(next);
    resize(pool, next.settings().maxWorkers());
    engine.taskLog().note("configuration reloaded: " + next.tasks().size() + " tasks");
    warnInvalid(engine.taskLog(), next);
  }

  /** Said when a config is taken up, which is once per change of it. */
  private static void warnInvalid(TaskLog log, RunnerConfig config) {
    for (InvalidTask task : config.invalid()) {
      for (Problem problem : task.problems()) {
        log.warn(task.name() + " is invalid and does not run: " + problem);
      }
    }
  }

  private static void resize(ThreadPoolExecutor pool, int workers) {
    if (workers > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(workers);
      pool.setCorePoolSize(workers);
    } else {
      pool.setCorePoolSize(workers);
      pool.setMaximumPoolSize(workers);
    }
  }

  /**
   * The stop: nothing new starts; runs under way get {@code grace} to end, then their process
   * groups are stopped and the runs recorded as stopped.
   */
  private void drain(Engine engine, TaskLog log) throws InterruptedException {
    engine.stopTakingWork();
    CompletableFuture<Void> all = runsUnderWay();
    if (!all.isDone()) {
      log.note(
          "stopping: waiting up to "
              + grace.toSeconds()
              + " s for "
              + underWay.size()
              + " run(s) under way");
    }
    if (await(all, grace)) {
      return;
    }
    int stopped = engine.stopRuns();
    log.warn("stopping " + stopped + " run(s) still under way after " + grace.toSeconds() + " s");
    if (!await(all, Engine.KILL_GRACE.plusSeconds(5))) {
      log.warn(underWay.size() + " run(s) did not end; the next runner marks them crashed");
    }
  }

  private static boolean await(CompletableFuture<Void> all, Duration limit)
      throws InterruptedException {
    try {
      all.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // the run's failure is in its record and the log
    }
  }

  /** Completes when every run started so far has ended. */
  public CompletableFuture<Void> runsUnderWay() {
    return CompletableFuture.allOf(underWay.toArray(CompletableFuture[]::new));
  }

  /** Asks the daemon to stop; {@link #awaitStopped} waits for it. */
  public void stop() {
    stopRequested = true;
    waiter.wake();
  }

  public void awaitStopped() throws InterruptedException {
    finished.await();
  }

  private static List<java.nio.file.Path> files(RunnerConfig config) {
    return List.of(config.home().configFile(), config.home().envFile());
  }
}
