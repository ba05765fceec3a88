package dev.runner.schedule;

import java.time.Instant;
import java.time.ZoneId;

/** Builds a task's schedule from its configured parts. */
public final class Schedules {

  private Schedules() {}

  /**
   * The schedule of {@code spec} in {@code zone}, with intervals anchored at {@code anchor} and
   * fires kept within {@code start} and {@code end} (either may be null).
   */
  public static Schedule of(
      ScheduleSpec spec, ZoneId zone, Instant anchor, Instant start, Instant end) {
    Schedule schedule = spec.compile(zone, anchor);
    return start == null && end == null ? schedule : new BoundedSchedule(schedule, start, end);
  }
}
