package dev.runner.engine;

import dev.runner.store.Store;
import dev.runner.store.StoreException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * On a shared database, this process says it is alive: a beat at once, then every {@link #interval}
 * while it lives, stamped by the database's clock. Another host takes a run whose owner has not
 * beaten for {@code RUNNER_DEAD_AFTER} as crashed (docs/hosts.md). Its own thread: a beat that
 * waits on an unreachable server must not hold back a run's timeout.
 */
final class Heartbeat implements AutoCloseable {

  /** The most between two beats: six beats fit in the default dead time of 60 s. */
  static final Duration MOST = Duration.ofSeconds(10);

  private final Supplier<Store> store;
  private final Identity identity;
  private final TaskLog taskLog;
  private final Duration interval;
  private ScheduledExecutorService beats;
  private volatile boolean failing;

  Heartbeat(Supplier<Store> store, Identity identity, TaskLog taskLog, Duration deadAfter) {
    this.store = store;
    this.identity = identity;
    this.taskLog = taskLog;
    this.interval = interval(deadAfter);
  }

  /** A third of the dead time, at most {@link #MOST}: two beats may be lost before it counts. */
  static Duration interval(Duration deadAfter) {
    Duration third = deadAfter.dividedBy(3);
    Duration floor = Duration.ofMillis(500);
    return third.compareTo(MOST) > 0 ? MOST : third.compareTo(floor) < 0 ? floor : third;
  }

  /** Beats now (so no claim of this process is ever without a beat), then on its own thread. */
  synchronized void start() {
    if (beats != null) {
      return;
    }
    beat();
    beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "runner-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    beats.scheduleAtFixedRate(
        this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void beat() {
    try {
      store.get().beat(identity.host(), identity.pid(), version());
      if (failing) {
        failing = false;
        taskLog.note("heartbeat: the database answers again");
      }
    } catch (StoreException e) {
      if (!failing) {
        failing = true;
        taskLog.note(
            "heartbeat: cannot reach the database ("
                + e.getMessage()
                + "); trying again every "
                + interval.toSeconds()
                + "s");
      }
    }
  }

  static String version() {
    String version = Heartbeat.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  /** Stops beating; with no run of this process left, its row goes too. */
  @Override
  public synchronized void close() {
    if (beats == null) {
      return;
    }
    beats.shutdownNow();
    try {
      store.get().endBeat(identity.host(), identity.pid());
    } catch (StoreException e) {
      // the row ages out: with no running row of this process, nothing reads it
    }
  }
}
