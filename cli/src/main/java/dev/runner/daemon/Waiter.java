package dev.runner.daemon;

import java.time.Instant;

/** How the daemon waits for its next fire: the real clock, or a test's virtual one. */
public interface Waiter {

  /** Returns at {@code until}, or earlier if {@link #wake} was called since the last return. */
  void awaitUntil(Instant until) throws InterruptedException;

  /** Ends the current (or next) wait at once: a run ended, the config changed, a stop. */
  void wake();
}
