package dev.runner.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fire's daylight saving means to the person reading its time, as a kind and its numbers so
 * that each front end says it in its own language ({@link #toString} is the English).
 *
 * @param kind which of the cases of docs/schedules.md ("Daylight saving") this is
 * @param parts the kind's numbers: {@code zone}, {@code date}, {@code time} (the wall time meant),
 *     {@code clocks_from} and {@code clocks_to} (the change), {@code fires_at} (a moved fire's wall
 *     time), {@code offset} (the fire's UTC offset); for {@link Kind#OFFSET_CHANGE} only {@code
 *     from} and {@code to}
 */
public record DaylightNote(Kind kind, Map<String, String> parts) {

  public enum Kind {
    /** The wall time does not exist that day; the fire moved to {@code fires_at}. */
    SKIPPED("skipped"),
    /** The wall time happens twice and the schedule fires at both: this is the first. */
    TWICE_BOTH("twice_both"),
    /** The wall time happens twice and the schedule fires at the first only. */
    TWICE_ONCE("twice_once"),
    /** The wall time happens twice: this is the second. */
    TWICE_SECOND("twice_second"),
    /** The clocks changed since the fire before this one. */
    OFFSET_CHANGE("offset_change");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  public DaylightNote {
    parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
  }

  static DaylightNote skipped(
      ZoneId zone,
      LocalDate date,
      LocalTime meant,
      LocalTime from,
      LocalTime to,
      LocalTime firesAt) {
    Map<String, String> parts = clocks(zone, date, meant, from, to);
    parts.put("fires_at", firesAt.toString());
    return new DaylightNote(Kind.SKIPPED, parts);
  }

  static DaylightNote twice(
      Kind kind,
      ZoneId zone,
      LocalDate date,
      LocalTime wall,
      LocalTime from,
      LocalTime to,
      ZoneOffset offset) {
    Map<String, String> parts = clocks(zone, date, wall, from, to);
    parts.put("offset", offset.getId());
    return new DaylightNote(kind, parts);
  }

  public static DaylightNote offsetChange(ZoneOffset from, ZoneOffset to) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("from", from.getId());
    parts.put("to", to.getId());
    return new DaylightNote(Kind.OFFSET_CHANGE, parts);
  }

  private static Map<String, String> clocks(
      ZoneId zone, LocalDate date, LocalTime time, LocalTime from, LocalTime to) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("zone", zone.getId());
    parts.put("date", date.toString());
    parts.put("time", time.toString());
    parts.put("clocks_from", from.toString());
    parts.put("clocks_to", to.toString());
    return parts;
  }

  /** The note as JSON has it: {@code kind} first, then its parts. */
  public Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind.jsonName());
    out.putAll(parts);
    return out;
  }

  @Override
  public String toString() {
    if (kind == Kind.OFFSET_CHANGE) {
      return "the clocks change before this fire: UTC"
          + parts.get("from")
          + " to UTC"
          + parts.get("to");
    }
    String when =
        parts.get("time")
            + (kind == Kind.SKIPPED ? " does not exist on " : " happens twice on ")
            + parts.get("date")
            + " in "
            + parts.get("zone");
    String change =
        " (clocks go "
            + (kind == Kind.SKIPPED ? "forward" : "back")
            + " from "
            + parts.get("clocks_from")
            + " to "
            + parts.get("clocks_to")
            + ")";
    switch (kind) {
      case SKIPPED:
        return when + change + ": it fires at " + parts.get("fires_at") + " instead";
      case TWICE_SECOND:
        return when + change + ": this is the second time, at " + parts.get("offset");
      case TWICE_BOTH:
        return when
            + change
            + ": it fires both times; this is the first, at "
            + parts.get("offset");
      default:
        return when + change + ": it fires once, the first time, at " + parts.get("offset");
    }
  }
}
