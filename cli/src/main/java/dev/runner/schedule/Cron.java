package dev.runner.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Cron expressions with vixie/cronie semantics: 5 fields ({@code min hour dom mon dow}) or 6 with
 * seconds first, names in any case, {@code a/n} meaning {@code a-max/n}, 0 and 7 both Sunday, the
 * either-day rule when neither day field starts with {@code *}, and the Quartz day forms {@code L},
 * {@code LW}, {@code nW}, {@code n#k} and {@code nL}.
 */
public final class Cron {

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };
  private static final String[] WEEKDAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  private Cron() {}

  /** Parses {@code text} into a schedule in {@code zone}. */
  public static Schedule parse(String text, ZoneId zone) throws ScheduleException {
    String trimmed = text.trim();
    String expanded = expandMacro(trimmed);
    String[] parts = expanded.split("\\s+");
    if (parts.length == 7) {
      throw new ScheduleException(
          "7 fields: a Quartz year field is not supported",
          "use 5 fields, or 6 with seconds first");
    }
    if (parts.length != 5 && parts.length != 6) {
      throw new ScheduleException(
          "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first,"
              + " found "
              + parts.length,
          "e.g. \"0 0 * * *\" for every day at midnight");
    }
    int offset = parts.length - 5;
    String secondText = offset == 1 ? parts[0] : "0";
    String minuteText = parts[offset];
    String hourText = parts[offset + 1];
    String domText = parts[offset + 2];
    String monthText = parts[offset + 3];
    String dowText = parts[offset + 4];

    long seconds = plainField("second", secondText, 0, 59, null);
    long minutes = plainField("minute", minuteText, 0, 59, null);
    long hours = plainField("hour", hourText, 0, 23, null);
    long months = plainField("month", monthText, 1, 12, MONTHS);
    DayField dom = dayOfMonthField(domText);
    DayField dow = dayOfWeekField(dowText);

    boolean domStar = startsWithStar(domText);
    boolean dowStar = startsWithStar(dowText);
    boolean either = !domStar && !dowStar;
    DayRule days =
        date ->
            (months & (1L << date.getMonthValue())) != 0
                && (either
                    ? dom.matches(date) || dow.matches(date)
                    : dom.matches(date) && dow.matches(date));
    boolean wildcard =
        minuteText.startsWith("*")
            || hourText.startsWith("*")
            || (offset == 1 && secondText.startsWith("*"));
    return new CalendarSchedule(
        zone, days, new TimesOfDay(seconds, minutes, hours), wildcard, trimmed);
  }

  /**
   * An expression's fields as bit sets (bit n set when n matches; weekdays 0-6 from Sunday), for
   * saying it in words.
   *
   * @param anyDayOfMonth the day-of-month field starts with {@code *} (or is {@code ?})
   * @param anyDayOfWeek likewise for day-of-week
   */
  public record Fields(
      long seconds,
      long minutes,
      long hours,
      long daysOfMonth,
      long months,
      long daysOfWeek,
      boolean anyDayOfMonth,
      boolean anyDayOfWeek) {}

  /**
   * {@code text}'s fields; empty when it does not parse or a day field has a letter form ({@code
   * L}, {@code W}, {@code #}), which only the expression itself says exactly.
   */
  public static Optional<Fields> fields(String text) {
    try {
      String[] parts = expandMacro(text.trim()).split("\\s+");
      if (parts.length != 5 && parts.length != 6) {
        return Optional.empty();
      }
      int offset = parts.length - 5;
      String dom = parts[offset + 2];
      String dow = parts[offset + 4];
      if (dom.matches(".*[LlWw].*") || dow.contains("#") || dow.matches(".*[0-7][Ll]$")) {
        return Optional.empty();
      }
      long weekdays = plainField("day-of-week", dow, 0, 7, WEEKDAYS);
      return Optional.of(
          new Fields(
              offset == 1 ? plainField("second", parts[0], 0, 59, null) : 1L,
              plainField("minute", parts[offset], 0, 59, null),
              plainField("hour", parts[offset + 1], 0, 23, null),
              plainField("day-of-month", dom, 1, 31, null),
              plainField("month", parts[offset + 3], 1, 12, MONTHS),
              (weekdays & 1L << 7) != 0 ? (weekdays | 1L) & ~(1L << 7) : weekdays,
              startsWithStar(dom),
              startsWithStar(dow)));
    } catch (ScheduleException e) {
      return Optional.empty();
    }
  }

  private static String expandMacro(String text) throws ScheduleException {
    if (!text.startsWith("@")) {
      return text;
    }
    String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
    if (macro != null) {
      return macro;
    }
    if (text.equalsIgnoreCase("@reboot")) {
      throw new ScheduleException(
          "@reboot is not a schedule runner can keep", "start it from a systemd unit instead");
    }
    throw new ScheduleException(
        "unknown macro " + text,
        "one of @yearly @annually @monthly @weekly @daily @midnight @hourly");
  }

  private static boolean startsWithStar(String text) {
    return text.startsWith("*") || text.equals("?");
  }

  /** A list of {@code *}, {@code a}, {@code a-b}, each with an optional {@code /step}. */
  private static long plainField(String name, String text, int min, int max, String[] names)
      throws ScheduleException {
    long mask = 0;
    for (String item : text.split(",", -1)) {
      mask |= item(name, text, item, min, max, names);
    }
    return mask;
  }

  private static long item(String name, String field, String item, int min, int max, String[] names)
      throws ScheduleException {
    if (item.isEmpty()) {
      throw fieldError(name, field, "an empty list item");
    }
    String range = item;
    int step = 1;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      step = number(name, field, item.substring(slash + 1), 1, max - min + 1, null, "step");
    }
    int from;
    int to;
    if (range.equals("*") || range.equals("?")) {
      from = min;
      to = max;
    } else {
      int dash = range.indexOf('-', 1);
      if (dash >= 0) {
        from = number(name, field, range.substring(0, dash), min, max, names, null);
        to = number(name, field, range.substring(dash + 1), min, max, names, null);
        if (names == WEEKDAYS && to == 0 && from > 0) {
          to = 7; // FRI-SUN: Sunday as 7 closes the week
        }
        if (to < from) {
          throw fieldError(
              name, field, "the range " + range + " runs backwards; write it low to high");
        }
      } else {
        from = number(name, field, range, min, max, names, null);
        // a/n means a-max/n, as in cronie
        to = slash >= 0 ? max : from;
      }
    }
    long mask = 0;
    for (int v = from; v <= to; v += step) {
      mask |= 1L << v;
    }
    return mask;
  }

  private static int number(
      String name, String field, String text, int min, int max, String[] names, String what)
      throws ScheduleException {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equalsIgnoreCase(text)) {
          return i + (name.equals("month") ? 1 : 0);
        }
      }
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw fieldError(
          name,
          field,
          "'"
              + text
              + "' is not a "
              + (what == null ? "number" : what)
              + (names == null ? "" : " or a name such as " + names[0]));
    }
    if (value < min || value > max) {
      throw fieldError(
          name,
          field,
          (what == null ? "" : what + " ") + value + " is out of range " + min + "-" + max);
    }
    return value;
  }

  private static DayField dayOfMonthField(String text) throws ScheduleException {
    long mask = 0;
    List<DayRule> specials = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String upper = item.toUpperCase(Locale.ROOT);
      if (upper.equals("L")) {
        specials.add(date -> date.getDayOfMonth() == date.lengthOfMonth());
      } else if (upper.equals("LW")) {
        specials.add(date -> date.equals(lastWeekday(date)));
      } else if (upper.endsWith("W")) {
        int day =
            number("day-of-month", text, item.substring(0, item.length() - 1), 1, 31, null, null);
        specials.add(date -> date.equals(nearestWeekday(date, day)));
      } else if (upper.contains("L")) {
        throw fieldError(
            "day-of-month",
            text,
            "'" + item + "' is not supported",
            "L, LW and nW are the day-of-month forms with letters");
      } else {
        mask |= item("day-of-month", text, item, 1, 31, null);
      }
    }
    return new DayField(mask, specials, LocalDate::getDayOfMonth);
  }

  private static DayField dayOfWeekField(String text) throws ScheduleException {
    long mask = 0;
    List<DayRule> specials = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String upper = item.toUpperCase(Locale.ROOT);
      int hash = upper.indexOf('#');
      if (hash >= 0) {
        int weekday = number("day-of-week", text, upper.substring(0, hash), 0, 7, WEEKDAYS, null);
        int nth = number("day-of-week", text, upper.substring(hash + 1), 1, 5, null, "week");
        DayOfWeek day = toDayOfWeek(weekday);
        specials.add(
            date -> date.getDayOfWeek() == day && (date.getDayOfMonth() - 1) / 7 + 1 == nth);
      } else if (upper.equals("L")) {
        throw fieldError(
            "day-of-week",
            text,
            "L alone is ambiguous here",
            "write 6 or SAT for Saturday, or 5L for the last Friday of the month");
      } else if (upper.endsWith("L")) {
        int weekday =
            number(
                "day-of-week", text, upper.substring(0, upper.length() - 1), 0, 7, WEEKDAYS, null);
        DayOfWeek day = toDayOfWeek(weekday);
        specials.add(
            date -> date.getDayOfWeek() == day && date.plusWeeks(1).getMonth() != date.getMonth());
      } else {
        long items = item("day-of-week", text, item, 0, 7, WEEKDAYS);
        // 7 is Sunday too
        mask |= (items & 1L << 7) != 0 ? (items | 1L) & ~(1L << 7) : items;
      }
    }
    return new DayField(mask, specials, date -> date.getDayOfWeek().getValue() % 7);
  }

  private static DayOfWeek toDayOfWeek(int cronWeekday) {
    return DayOfWeek.of(cronWeekday % 7 == 0 ? 7 : cronWeekday);
  }

  private static LocalDate lastWeekday(LocalDate date) {
    LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
    return switch (last.getDayOfWeek()) {
      case SATURDAY -> last.minusDays(1);
      case SUNDAY -> last.minusDays(2);
      default -> last;
    };
  }

  /** Quartz {@code nW}: the weekday nearest day n, without leaving the month. */
  private static LocalDate nearestWeekday(LocalDate date, int day) {
    if (day > date.lengthOfMonth()) {
      return null;
    }
    LocalDate target = date.withDayOfMonth(day);
    return switch (target.getDayOfWeek()) {
      case SATURDAY -> day == 1 ? target.plusDays(2) : target.minusDays(1);
      case SUNDAY -> day == date.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
      default -> target;
    };
  }

  private static ScheduleException fieldError(String name, String field, String message) {
    return fieldError(name, field, message, null);
  }

  private static ScheduleException fieldError(
      String name, String field, String message, String hint) {
    return new ScheduleException(name + " field '" + field + "': " + message, hint);
  }

  /** A day field: a mask of plain values (day of month, or weekday 0-6) and special forms. */
  private record DayField(long mask, List<DayRule> specials, ToIntFunction<LocalDate> value) {
    boolean matches(LocalDate date) {
      if ((mask & (1L << value.applyAsInt(date))) != 0) {
        return true;
      }
      for (DayRule special : specials) {
        if (special.matches(date)) {
          return true;
        }
      }
      return false;
    }
  }
}
