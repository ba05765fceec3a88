package dev.runner.query;

import dev.runner.schedule.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The next fires of a schedule, for {@code runner next} and {@code runner cron}. */
public final class Fires {

  private Fires() {}

  /** Up to {@code count} fires after {@code from}, in order; fewer when the schedule ends. */
  public static List<Instant> next(Schedule schedule, Instant from, int count) {
    List<Instant> fires = new ArrayList<>();
    Instant cursor = from;
    for (int i = 0; i < count; i++) {
      Optional<Instant> next = schedule.next(cursor);
      if (next.isEmpty()) {
        break;
      }
      cursor = next.get();
      fires.add(cursor);
    }
    return fires;
  }
}
