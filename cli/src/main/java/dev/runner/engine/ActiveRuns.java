package dev.runner.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The runs this engine has under way, so a stopping daemon can end them; and whether it is
 * stopping, so nothing new starts meanwhile (retries are stored, dependents recorded as skipped).
 */
final class ActiveRuns {

  private final Set<CancelSignal> running = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile boolean cancelling;

  void add(CancelSignal run) {
    running.add(run);
    if (cancelling) {
      run.cancel(CancelSignal.Reason.SHUTDOWN); // it started as the others were being stopped
    }
  }

  synchronized void remove(CancelSignal run) {
    running.remove(run);
    notifyAll();
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
    for (CancelSignal run : running) {
      run.cancel(CancelSignal.Reason.SHUTDOWN);
      count++;
    }
    return count;
  }
}
