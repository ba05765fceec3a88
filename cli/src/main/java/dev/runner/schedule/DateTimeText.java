package dev.runner.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A date-time as written in config or on the command line: with an offset ({@code
 * 2026-01-01T08:00:00+08:00}, {@code ...Z}) it is an instant; without one ({@code
 * 2026-01-01T08:00}, {@code 2026-01-01 08:00}, {@code 2026-01-01}) it is a wall time in the zone it
 * is used with.
 */
public record DateTimeText(LocalDateTime local, ZoneOffset offset) {

  public static DateTimeText parse(String text) {
    String normalized = text.trim().replace(' ', 'T');
    try {
      OffsetDateTime withOffset = OffsetDateTime.parse(normalized);
      return new DateTimeText(withOffset.toLocalDateTime(), withOffset.getOffset());
    } catch (DateTimeParseException ignored) {
      // no offset: try a wall time
    }
    try {
      return new DateTimeText(LocalDateTime.parse(normalized), null);
    } catch (DateTimeParseException ignored) {
      // try a date alone
    }
    try {
      return new DateTimeText(LocalDate.parse(normalized).atStartOfDay(), null);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not an ISO date-time; write e.g. \"2026-01-01T08:00\" or"
              + " \"2026-01-01T08:00:00+08:00\"");
    }
  }

  /** The instant, reading a wall time in {@code zone} (a time in a gap moves forward by it). */
  public Instant toInstant(ZoneId zone) {
    return offset != null
        ? local.toInstant(offset)
        : ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  /**
   * An instant as people and scripts read it: ISO-8601 in {@code zone} with its offset, to the
   * second ({@code 2026-11-24T08:00:00+08:00}); seconds are always shown, fractions never.
   */
  public static String iso(Instant instant, ZoneId zone) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            ZonedDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone));
  }
}
