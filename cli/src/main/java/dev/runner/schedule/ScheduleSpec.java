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

  /**
   * The watermark a task starts from when first seen at {@code now}: now itself (nothing runs at
   * once), or for an unanchored interval one period back, so the grid's latest fire at or before
   * now (and only it) is due at once.
   */
  default Instant firstSightWatermark(Instant now) {
    return now;
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
      return IntervalSchedule.of(period, anchored, zone, anchor);
    }

    @Override
    public Instant firstSightWatermark(Instant now) {
      return anchored ? now : now.minus(period);
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

    /** Minutes and hours are exact durations; null for the calendar units. */
    Duration exactPeriod() {
      return switch (unit) {
        case MINUTE -> Duration.ofMinutes(interval);
        case HOUR -> Duration.ofHours(interval);
        default -> null;
      };
    }

    @Override
    public Instant firstSightWatermark(Instant now) {
      return anchored || exactPeriod() == null ? now : now.minus(exactPeriod());
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
