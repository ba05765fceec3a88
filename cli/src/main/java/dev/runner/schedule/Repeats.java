package dev.runner.schedule;

import dev.runner.schedule.ScheduleSpec.RepeatSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Turns a {@code repeat} into a schedule. Minutes and hours are exact intervals from the anchor;
 * days, weeks, months and years are calendar steps counted from the anchor's local date, firing at
 * {@code time} (default midnight) with the fixed-time daylight-saving rules.
 */
final class Repeats {

  private Repeats() {}

  static Schedule compile(RepeatSpec spec, ZoneId zone, Instant anchor) {
    if (spec.exactPeriod() != null) {
      return IntervalSchedule.of(spec.exactPeriod(), spec.anchored(), zone, anchor);
    }
    int n = spec.interval();
    LocalDate start = LocalDate.ofInstant(anchor, zone);
    LocalTime time = spec.time() == null ? LocalTime.MIDNIGHT : spec.time();
    DayRule days =
        switch (spec.unit()) {
          case DAY -> date -> every(n, ChronoUnit.DAYS.between(start, date));
          case WEEK -> {
            Set<DayOfWeek> weekdays =
                spec.days().isEmpty() ? Set.of(start.getDayOfWeek()) : spec.days();
            LocalDate startWeek = start.with(DayOfWeek.MONDAY);
            yield date ->
                weekdays.contains(date.getDayOfWeek())
                    && every(n, ChronoUnit.WEEKS.between(startWeek, date.with(DayOfWeek.MONDAY)));
          }
          case MONTH -> {
            int day = spec.dayOfMonth() == null ? start.getDayOfMonth() : spec.dayOfMonth();
            yield date ->
                date.getDayOfMonth() == Math.min(day, date.lengthOfMonth())
                    && every(n, monthsBetween(start, date));
          }
          default -> {
            int month = spec.month() == null ? start.getMonthValue() : spec.month();
            int day = spec.dayOfMonth() == null ? start.getDayOfMonth() : spec.dayOfMonth();
            yield date ->
                date.getMonthValue() == month
                    && date.getDayOfMonth() == Math.min(day, date.lengthOfMonth())
                    && every(n, date.getYear() - start.getYear());
          }
        };
    return new CalendarSchedule(
        zone, days, TimesOfDay.single(time), false, spec + " from " + start);
  }

  private static boolean every(int n, long stepsFromStart) {
    return stepsFromStart >= 0 && stepsFromStart % n == 0;
  }

  private static long monthsBetween(LocalDate start, LocalDate date) {
    return (date.getYear() - start.getYear()) * 12L + date.getMonthValue() - start.getMonthValue();
  }
}
