package dev.runner.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * A task's schedule as configured: which of {@code cron}, {@code every}, {@code at}, {@code
 * repeat}.
 */
public sealed interface ScheduleSpec {

  /**
   * The schedule in {@code zone}; {@code anchor} starts intervals that have no start of their own.
   */
  Schedule compile(ZoneId zone, Instant anchor);

  /** Whether the first fire is the moment the task is first seen (an unanchored interval). */
  default boolean firesAtFirstSight() {
    return false;
  }

  record CronSpec(String expression) implements ScheduleSpec {
    @Override
    public Schedule compile(ZoneId zone, Instant anchor) {
      try {
        return Cron.parse(expression, zone);
      } catch (ScheduleException e) {
        throw new IllegalStateException("validated cron no longer parses: " + expression, e);
      }
    }

    @Override
    public String toString() {
      return expression;
    }
  }

  record EverySpec(Duration period, boolean anchored) implements ScheduleSpec {
    @Override
    public Schedule compile(ZoneId zone, Instant anchor) {
      return new IntervalSchedule(anchor, period);
    }

    @Override
    public boolean firesAtFirstSight() {
      return !anchored;
    }

    @Override
    public String toString() {
      return "every " + Durations.format(period);
    }
  }

  record AtSpec(DateTimeText at) implements ScheduleSpec {
    @Override
    public Schedule compile(ZoneId zone, Instant anchor) {
      return new OnceSchedule(at.toInstant(zone));
    }

    @Override
    public String toString() {
      return "at " + at.local() + (at.offset() == null ? "" : at.offset().toString());
    }
  }

  /** {@code repeat}: the calendar repeats of the user's old executor. */
  record RepeatSpec(
      RepeatUnit unit,
      int interval,
      LocalTime time,
      Set<DayOfWeek> days,
      Integer dayOfMonth,
      Integer month,
      boolean anchored)
      implements ScheduleSpec {

    public RepeatSpec {
      days = Set.copyOf(days);
    }

    @Override
    public Schedule compile(ZoneId zone, Instant anchor) {
      return Repeats.compile(this, zone, anchor);
    }

    @Override
    public boolean firesAtFirstSight() {
      return !anchored && (unit == RepeatUnit.MINUTE || unit == RepeatUnit.HOUR);
    }

    @Override
    public String toString() {
      return "every "
          + (interval == 1 ? "" : interval + " ")
          + unit.name().toLowerCase(Locale.ROOT)
          + (interval == 1 ? "" : "s")
          + (time == null ? "" : " at " + time);
    }
  }

  enum RepeatUnit {
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    YEAR
  }
}
