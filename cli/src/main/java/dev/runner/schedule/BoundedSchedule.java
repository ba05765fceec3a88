package dev.runner.schedule;

import java.time.Instant;
import java.util.Optional;

/** {@code start_time} and {@code end_time}: no fire before the one or after the other. */
record BoundedSchedule(Schedule inner, Instant start, Instant end) implements Schedule {

  @Override
  public Optional<Instant> next(Instant after) {
    return inner.next(clip(after)).filter(fire -> end == null || !fire.isAfter(end));
  }

  @Override
  public FireCount count(Instant after, Instant upTo) {
    Instant to = end != null && end.isBefore(upTo) ? end : upTo;
    Instant from = clip(after);
    return from.isBefore(to) ? inner.count(from, to) : new FireCount(0, null);
  }

  /** The fire at exactly {@code start} is allowed. */
  private Instant clip(Instant after) {
    return start != null && after.isBefore(start) ? start.minusNanos(1) : after;
  }

  @Override
  public String toString() {
    return inner
        + (start == null ? "" : ", not before " + start)
        + (end == null ? "" : ", not after " + end);
  }
}
