package dev.runner.engine;

import dev.runner.store.Store;
import dev.runner.store.StoreException;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How a cancel asked in another process ({@code runner cancel}, the web's API while cron's tick
 * owns the run) reaches the owner: once a second, while this engine has runs under way, one query
 * for the running rows marked to stop; each of ours is stopped as a timeout stops it (SIGTERM to
 * its process group, SIGKILL after the grace).
 */
final class CancelWatch {

  static final long PERIOD_MILLIS = 1000;

  private final ActiveRuns active;
  private final Supplier<Store> store;
  private final TaskLog taskLog;

  CancelWatch(ActiveRuns active, Supplier<Store> store, TaskLog taskLog) {
    this.active = active;
    this.store = store;
    this.taskLog = taskLog;
  }

  void start(ScheduledExecutorService timers) {
    timers.scheduleWithFixedDelay(this::look, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** One look; a database that cannot answer now is asked again the next second. */
  void look() {
    Set<Long> ours = active.ids();
    if (ours.isEmpty()) {
      return;
    }
    Set<Long> asked;
    try {
      asked = store.get().cancelRequested();
    } catch (StoreException e) {
      return;
    }
    for (long id : asked) {
      if (ours.contains(id) && active.cancel(id)) {
        taskLog.note("run " + id + ": cancel requested; stopping it");
      }
    }
  }
}
