package dev.runner.schedule;

import java.time.Instant;
import java.util.Optional;

/** When a task fires. Implementations are immutable values with a readable {@code toString}. */
public interface Schedule {

  /** The first fire strictly after {@code after}, or empty when there is none. */
  Optional<Instant> next(Instant after);

  /**
   * The fires in {@code (after, upTo]}: how many and the last one. Implementations that can count
   * without walking every fire override this.
   */
  default FireCount count(Instant after, Instant upTo) {
    long count = 0;
    Instant last = null;
    Instant cursor = after;
    while (true) {
      Optional<Instant> next = next(cursor);
      if (next.isEmpty() || next.get().isAfter(upTo)) {
        return new FireCount(count, last);
      }
      count++;
      last = next.get();
      cursor = last;
    }
  }

  /** How many fires a range held and the latest of them (null when none). */
  record FireCount(long count, Instant last) {}
}
