package dev.runner.store;

import java.util.Locale;

/**
 * What started a run, as its row and {@code RUNNER_TRIGGER} say it in lower case: the schedule, a
 * person ({@code runner run}), a retry of a failed attempt, an upstream's outcome, or {@code runner
 * backfill}.
 */
public enum Trigger {
  SCHEDULE,
  MANUAL,
  RETRY,
  DEPENDENCY,
  BACKFILL;

  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Trigger fromDb(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** A run someone asked for, who saw it fail: one that never began is not queued again. */
  public boolean byHand() {
    return this == MANUAL || this == BACKFILL;
  }

  @Override
  public String toString() {
    return dbName();
  }
}
