package dev.runner.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** Fires at {@code anchor + k * period}: exact durations, never shifted by daylight saving. */
record IntervalSchedule(Instant anchor, Duration period) implements Schedule {

  /**
   * Every {@code period} from {@code anchor} when the task has a start of its own; otherwise on the
   * grid from the epoch in {@code zone}'s standard time: {@code 1m} on whole minutes, {@code 1h} on
   * the hour, {@code 1d} at local midnight. A minutely cron tick starts a second or two after the
   * minute; anchored at the instant it first saw the task (say :01.953), the next tick at :01.4
   * would find nothing due and the fire would run a minute late or coalesce. The standard offset,
   * not the current one, so the grid never moves with daylight saving; the unanchored {@code
   * anchor} (when the task was first seen) only picks that offset.
   */
  static IntervalSchedule of(Duration period, boolean anchored, ZoneId zone, Instant anchor) {
    if (anchored) {
      return new IntervalSchedule(anchor, period);
    }
    Instant origin =
        LocalDateTime.of(1970, 1, 1, 0, 0).toInstant(zone.getRules().getStandardOffset(anchor));
    return new IntervalSchedule(origin, period);
  }

  IntervalSchedule {
    if (period.toMillis() < 1000) {
      throw new IllegalArgumentException("an interval under a second: " + period);
    }
  }

  @Override
  public Optional<Instant> next(Instant after) {
    if (after.isBefore(anchor)) {
      return Optional.of(anchor);
    }
    long steps = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
    return Optional.of(anchor.plusMillis(steps * period.toMillis()));
  }

  @Override
  public FireCount count(Instant after, Instant upTo) {
    Instant first = next(after).orElseThrow();
    if (first.isAfter(upTo)) {
      return new FireCount(0, null);
    }
    long more = Duration.between(first, upTo).toMillis() / period.toMillis();
    return new FireCount(more + 1, first.plusMillis(more * period.toMillis()));
  }

  @Override
  public String toString() {
    return "every " + Durations.format(period) + " from " + anchor;
  }
}
