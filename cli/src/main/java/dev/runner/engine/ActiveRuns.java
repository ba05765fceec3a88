package dev.runner.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runs this engine has under way, by run id, so a stopping daemon can end them and a cancel can
 * find its run; and whether it is stopping, so nothing new starts meanwhile (retries are stored,
 * dependents recorded as skipped).
 */
final class ActiveRuns {

  private final Map<Long, CancelSignal> running = new ConcurrentHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final Runnable firstRun;
  private volatile boolean stopping;
  private volatile boolean cancelling;

  /**
   * {@code firstRun} is called once, when the first run starts: what watches for cancels begins
   * then, so a tick with nothing to run costs nothing more.
   */
  ActiveRuns(Runnable firstRun) {
    this.firstRun = firstRun;
  }

  void add(long runId, CancelSignal run) {
    running.put(runId, run);
    if (started.compareAndSet(false, true)) {
      firstRun.run();
    }
    if (cancelling) {
      run.cancel(CancelSignal.Reason.SHUTDOWN); // it started as the others were being stopped
    }
  }

  synchronized void remove(long runId) {
    running.remove(runId);
    notifyAll();
  }

  /** The ids of the runs under way here, for the cancel watch's query. */
  Set<Long> ids() {
    return Set.copyOf(running.keySet());
  }

  /**
   * Stops the run {@code runId} if it is under way here, as a person asked; false when it is not
   * here or is being stopped already.
   */
  boolean cancel(long runId) {
    CancelSignal run = running.get(runId);
    return run != null && run.cancel(CancelSignal.Reason.REQUEST);
  }

  boolean cancelling() {
    return cancelling;
  }

  /** Waits until no run is under way (each removed once recorded), at most {@code bound}. */
  synchronized boolean awaitNone(Duration bound) throws InterruptedException {
    long end = System.nanoTime() + bound.toNanos();
    while (!running.isEmpty()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  boolean stopping() {
    return stopping;
  }

  void stopTaking() {
    stopping = true;
  }

  /** Stops every run under way, and any that starts after; returns how many were stopped. */
  int cancelAll() {
    stopping = true;
    cancelling = true;
    int count = 0;
    for (CancelSignal run : running.values()) {
      run.cancel(CancelSignal.Reason.SHUTDOWN);
      count++;
    }
    return count;
  }
}
