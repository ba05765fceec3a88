package dev.runner.cli.render;

import dev.runner.cli.UsageException;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Reading and showing instants on the command line. */
public final class Times {

  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Times() {}

  /** {@code --now ISO}: a clock that starts there and runs on in real time. */
  public static Clock clockAt(Clock base, String now, ZoneId zone) {
    Instant target = parse(now, zone, "--now");
    return Clock.offset(base, Duration.between(base.instant(), target));
  }

  public static Instant parse(String text, ZoneId zone, String option) {
    try {
      return DateTimeText.parse(text).toInstant(zone);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  /** {@code --since}: an age such as {@code 2d} or {@code 6h} before now, or an ISO date-time. */
  public static Instant since(String text, Instant now, ZoneId zone, String option) {
    try {
      return now.minus(Durations.parse(text));
    } catch (IllegalArgumentException notAnAge) {
      return parse(text, zone, option);
    }
  }

  /** A local time for tables, in {@code zone}. */
  static String local(Instant instant, ZoneId zone) {
    return instant == null ? "" : SHORT.format(instant.atZone(zone));
  }

  /** ISO-8601 with the zone's offset, to the second (scripts parse it). */
  public static String iso(Instant instant, ZoneId zone) {
    return DateTimeText.iso(instant, zone);
  }

  /** How long ago, as a person says it: seconds for the first two minutes, then minutes. */
  static String ago(Duration since) {
    long seconds = Math.max(0, since.toSeconds());
    if (seconds < 120) {
      return seconds + " s ago";
    }
    return seconds < 7200 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
  }

  static String seconds(Double seconds) {
    if (seconds == null) {
      return "";
    }
    if (seconds < 60) {
      return String.format("%.1fs", seconds);
    }
    long whole = Math.round(seconds);
    return whole < 3600
        ? String.format("%dm%02ds", whole / 60, whole % 60)
        : String.format("%dh%02dm", whole / 3600, whole % 3600 / 60);
  }
}
