package dev.runner.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Fires at {@code anchor + k * period}: exact durations, never shifted by daylight saving. */
record IntervalSchedule(Instant anchor, Duration period) implements Schedule {

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
