package dev.runner.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Fires at wall-clock times on matching local dates of one zone, resolving daylight saving the way
 * crontab users expect (docs/schedules.md, "Daylight saving"):
 *
 * <ul>
 *   <li>a fixed-time fire in a spring-forward gap fires once, shifted by the gap's length; a
 *       wildcard schedule has no slots in the gap;
 *   <li>a fixed-time fire in a fall-back overlap fires once, at the first occurrence; a wildcard
 *       schedule fires at every real instant that matches.
 * </ul>
 *
 * Dates and times are walked in local terms, never by adding 24 hours to an instant.
 */
final class CalendarSchedule implements Schedule {

  /** Far enough to find 29 February on a given weekday (a 28-year cycle), and then some. */
  private static final int MAX_DAYS = 366 * 30;

  /** Wider than any UTC offset (-12 to +14), so it brackets a local day from UTC. */
  private static final Duration OFFSET_MARGIN = Duration.ofHours(15);

  private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

  private final ZoneId zone;
  private final ZoneRules rules;
  private final DayRule days;
  private final TimesOfDay times;
  private final boolean wildcard;
  private final String text;

  /** A few transition days' fires; an LRU so a long-lived schedule stays small. */
  private final Map<LocalDate, Instant[]> transitionDays =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Instant[]> eldest) {
          return size() > 8;
        }
      };

  CalendarSchedule(ZoneId zone, DayRule days, TimesOfDay times, boolean wildcard, String text) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.days = days;
    this.times = times;
    this.wildcard = wildcard;
    this.text = text;
  }

  @Override
  public Optional<Instant> next(Instant after) {
    LocalDate date = LocalDate.ofInstant(after, zone).minusDays(1);
    for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
      if (!days.matches(date)) {
        continue;
      }
      Instant found = firstOnDayAfter(date, after);
      if (found == null) {
        continue;
      }
      // A gap shift late on one day can land after the first fires of the next.
      LocalDate following = date.plusDays(1);
      if ((transitionNear(date) || transitionNear(following)) && days.matches(following)) {
        Instant other = firstOnDayAfter(following, after);
        if (other != null && other.isBefore(found)) {
          found = other;
        }
      }
      return Optional.of(found);
    }
    return Optional.empty();
  }

  private Instant firstOnDayAfter(LocalDate date, Instant after) {
    if (transitionNear(date)) {
      return firstOnTransitionDayAfter(date, after);
    }
    // No offset change within reach: wall time and instant move together.
    ZoneOffset offset = rules.getOffset(date.atTime(LocalTime.NOON));
    LocalDateTime local = LocalDateTime.ofEpochSecond(after.getEpochSecond(), 0, offset);
    LocalTime from;
    if (local.toLocalDate().isBefore(date)) {
      from = LocalTime.MIDNIGHT;
    } else if (local.toLocalDate().isAfter(date) || local.toLocalTime().equals(LAST_SECOND)) {
      return null;
    } else {
      from = local.toLocalTime().plusSeconds(1);
    }
    LocalTime time = times.firstAtOrAfter(from);
    return time == null ? null : date.atTime(time).toInstant(offset);
  }

  private Instant firstOnTransitionDayAfter(LocalDate date, Instant after) {
    Instant[] fires = transitionDayFires(date);
    int index = Arrays.binarySearch(fires, after);
    int next = index >= 0 ? index + 1 : -index - 1;
    return next < fires.length ? fires[next] : null;
  }

  /**
   * Every fire of a day with an offset change, sorted. Computed once per day and kept: walking a
   * seconds-level schedule through such a day would otherwise redo 86,400 wall times per fire.
   */
  private Instant[] transitionDayFires(LocalDate date) {
    synchronized (transitionDays) {
      Instant[] cached = transitionDays.get(date);
      if (cached != null) {
        return cached;
      }
    }
    TreeSet<Instant> fires = new TreeSet<>();
    for (LocalTime time = times.firstAtOrAfter(LocalTime.MIDNIGHT);
        time != null;
        time = time.equals(LAST_SECOND) ? null : times.firstAtOrAfter(time.plusSeconds(1))) {
      fires.addAll(resolve(date.atTime(time)));
    }
    Instant[] sorted = fires.toArray(new Instant[0]);
    synchronized (transitionDays) {
      transitionDays.put(date, sorted);
    }
    return sorted;
  }

  /** The real instants a wall time stands for, by the daylight-saving rules above. */
  private List<Instant> resolve(LocalDateTime local) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() == 1) {
      return List.of(local.toInstant(offsets.get(0)));
    }
    if (offsets.isEmpty()) {
      if (wildcard) {
        return List.of();
      }
      ZoneOffsetTransition gap = rules.getTransition(local);
      return List.of(local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter()));
    }
    Instant first = local.toInstant(offsets.get(0));
    return wildcard ? List.of(first, local.toInstant(offsets.get(1))) : List.of(first);
  }

  private boolean transitionNear(LocalDate date) {
    Instant from = date.atStartOfDay().toInstant(ZoneOffset.UTC).minus(OFFSET_MARGIN);
    Instant to = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(OFFSET_MARGIN);
    ZoneOffsetTransition transition = rules.nextTransition(from);
    return transition != null && transition.getInstant().isBefore(to);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CalendarSchedule that
        && text.equals(that.text)
        && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return text + " (" + zone + ")";
  }
}
