package dev.runner.query;

import dev.runner.schedule.Cron;
import dev.runner.schedule.ScheduleSpec;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A schedule as parts a front end says in its own language ({@code schedule_parts}): a {@code kind}
 * and its numbers, so the console translates words and never reads schedule text. The kinds: {@code
 * manual}; {@code after} (tasks); {@code once} (at, as written); {@code interval} (seconds); {@code
 * repeat} (unit, interval, time, days, day_of_month, month); from a cron expression {@code
 * every_minute}, {@code minutes} (n), {@code hourly} (minute), {@code hours} (n, minute), {@code
 * daily} (times), {@code weekly} (days, times), {@code monthly} (day, times), {@code yearly}
 * (month, day, times); any other expression is {@code cron}, said as written. Every kind from a
 * cron expression has {@code expr} too.
 */
public final class ScheduleParts {

  private static final int MOST_TIMES = 6;
  private static final long ALL_MINUTES = (1L << 60) - 1;
  private static final long ALL_HOURS = (1L << 24) - 1;
  private static final long ALL_MONTHS = ((1L << 13) - 1) & ~1L;

  private ScheduleParts() {}

  public static Map<String, Object> of(ScheduleSpec spec, List<String> dependsOn) {
    Map<String, Object> parts;
    if (spec == null) {
      parts = dependsOn.isEmpty() ? kind("manual") : with(kind("after"), "tasks", dependsOn);
    } else if (spec instanceof ScheduleSpec.AtSpec at) {
      parts = with(kind("once"), "at", at.toString().substring("at ".length()));
    } else if (spec instanceof ScheduleSpec.EverySpec every) {
      parts = with(kind("interval"), "seconds", every.period().toSeconds());
    } else if (spec instanceof ScheduleSpec.RepeatSpec repeat) {
      parts = repeat(repeat);
    } else {
      parts = cron(((ScheduleSpec.CronSpec) spec).expression());
    }
    return Collections.unmodifiableMap(parts);
  }

  private static Map<String, Object> repeat(ScheduleSpec.RepeatSpec repeat) {
    Map<String, Object> out = kind("repeat");
    out.put("unit", repeat.unit().name().toLowerCase(Locale.ROOT));
    out.put("interval", repeat.interval());
    out.put("time", repeat.time() == null ? null : repeat.time().toString());
    out.put("days", repeat.days().stream().sorted().map(d -> dayName(d.getValue() % 7)).toList());
    out.put("day_of_month", repeat.dayOfMonth());
    out.put("month", repeat.month());
    return out;
  }

  private static Map<String, Object> cron(String expression) {
    Map<String, Object> parts = cronShape(Cron.fields(expression).orElse(null));
    return with(parts, "expr", expression);
  }

  private static Map<String, Object> cronShape(Cron.Fields f) {
    Map<String, Object> raw = kind("cron");
    if (f == null || f.seconds() != 1L) {
      return raw; // seconds are said only when they are zero
    }
    boolean anyDay = f.anyDayOfMonth() && f.anyDayOfWeek() && f.months() == ALL_MONTHS;
    if (anyDay && f.minutes() == ALL_MINUTES && f.hours() == ALL_HOURS) {
      return kind("every_minute");
    }
    int step = step(f.minutes(), 60);
    if (anyDay && f.hours() == ALL_HOURS && step > 1) {
      return with(kind("minutes"), "n", step);
    }
    if (Long.bitCount(f.minutes()) != 1) {
      return raw;
    }
    int minute = Long.numberOfTrailingZeros(f.minutes());
    if (anyDay && f.hours() == ALL_HOURS) {
      return with(kind("hourly"), "minute", minute);
    }
    int hourStep = step(f.hours(), 24);
    if (anyDay && hourStep > 1) {
      return with(with(kind("hours"), "n", hourStep), "minute", minute);
    }
    if (Long.bitCount(f.hours()) > MOST_TIMES) {
      return raw;
    }
    List<String> times = new ArrayList<>();
    for (int h : bits(f.hours())) {
      times.add("%02d:%02d".formatted(h, minute));
    }
    if (anyDay) {
      return with(kind("daily"), "times", times);
    }
    boolean oneDay = Long.bitCount(f.daysOfMonth()) == 1;
    if (f.months() == ALL_MONTHS && f.anyDayOfMonth()) {
      return with(
          with(
              kind("weekly"),
              "days",
              bits(f.daysOfWeek()).stream().map(ScheduleParts::dayName).toList()),
          "times",
          times);
    }
    if (oneDay && f.anyDayOfWeek()) {
      int day = Long.numberOfTrailingZeros(f.daysOfMonth());
      if (f.months() == ALL_MONTHS) {
        return with(with(kind("monthly"), "day", day), "times", times);
      }
      if (Long.bitCount(f.months()) == 1) {
        Map<String, Object> yearly =
            with(kind("yearly"), "month", Long.numberOfTrailingZeros(f.months()));
        return with(with(yearly, "day", day), "times", times);
      }
    }
    return raw;
  }

  /** n when {@code mask} is exactly 0, n, 2n... below {@code size} and n divides it; else 0. */
  private static int step(long mask, int size) {
    int n = Long.numberOfTrailingZeros(mask & ~1L);
    if ((mask & 1L) == 0 || n >= size || size % n != 0) {
      return 0;
    }
    long grid = 0;
    for (int v = 0; v < size; v += n) {
      grid |= 1L << v;
    }
    return grid == mask ? n : 0;
  }

  private static List<Integer> bits(long mask) {
    List<Integer> out = new ArrayList<>();
    for (int v = 0; v < 64; v++) {
      if ((mask & 1L << v) != 0) {
        out.add(v);
      }
    }
    return out;
  }

  /** "sun".."sat" from cron's weekday 0-6. */
  private static String dayName(int cronWeekday) {
    return DayOfWeek.of(cronWeekday == 0 ? 7 : cronWeekday)
        .name()
        .substring(0, 3)
        .toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> kind(String kind) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind);
    return out;
  }

  private static Map<String, Object> with(Map<String, Object> parts, String key, Object value) {
    parts.put(key, value);
    return parts;
  }
}
