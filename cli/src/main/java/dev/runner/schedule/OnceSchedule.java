package dev.runner.schedule;

import java.time.Instant;
import java.util.Optional;

/** {@code at}: one fire. */
record OnceSchedule(Instant at) implements Schedule {

  @Override
  public Optional<Instant> next(Instant after) {
    return at.isAfter(after) ? Optional.of(at) : Optional.empty();
  }

  @Override
  public String toString() {
    return "once at " + at;
  }
}
