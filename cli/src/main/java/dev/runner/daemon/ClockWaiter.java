package dev.runner.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Sleeps on a monitor until the clock reaches the instant: no polling, woken by events. */
public final class ClockWaiter implements Waiter {

  private final Clock clock;
  private boolean woken;

  public ClockWaiter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void awaitUntil(Instant until) throws InterruptedException {
    while (!woken) {
      long nanos = Duration.between(clock.instant(), until).toNanos();
      if (nanos <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, nanos);
    }
    woken = false;
  }

  @Override
  public synchronized void wake() {
    woken = true;
    notifyAll();
  }
}
