package dev.runner.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * What a person previewing a cron expression needs told beside a fire, by the rules of
 * docs/schedules.md ("Daylight saving"): a fire moved out of a spring-forward gap, and a wall time
 * that a fall-back night has twice (once or twice fired). The expression read in UTC says which
 * wall times it names, so a moved fire is one whose wall time it does not name.
 */
public final class DaylightNotes {

  private final ZoneId zone;
  private final ZoneRules rules;
  private final Schedule real;
  private final Schedule wall;

  public DaylightNotes(String expression, ZoneId zone) throws ScheduleException {
    this.zone = zone;
    this.rules = zone.getRules();
    this.real = Cron.parse(expression, zone);
    this.wall = Cron.parse(expression, ZoneOffset.UTC);
  }

  /** The expression as it fires in the zone. */
  public Schedule schedule() {
    return real;
  }

  /** The note for {@code at}, a fire of the expression in the zone; empty for a plain one. */
  public Optional<DaylightNote> of(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    if (!named(local)) {
      ZoneOffsetTransition gap = rules.previousTransition(at.plusSeconds(1));
      if (gap == null || !gap.isGap()) {
        return Optional.empty();
      }
      LocalDateTime meant = local.minus(gap.getDuration());
      return Optional.of(
          DaylightNote.skipped(
              zone,
              meant.toLocalDate(),
              meant.toLocalTime(),
              gap.getDateTimeBefore().toLocalTime(),
              gap.getDateTimeAfter().toLocalTime(),
              local.toLocalTime()));
    }
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() < 2) {
      return Optional.empty();
    }
    ZoneOffsetTransition overlap = rules.getTransition(local);
    ZoneOffset offset = rules.getOffset(at);
    DaylightNote.Kind kind;
    if (!offset.equals(overlap.getOffsetBefore())) {
      kind = DaylightNote.Kind.TWICE_SECOND;
    } else {
      Instant second = local.toInstant(overlap.getOffsetAfter());
      boolean both = real.next(second.minusSeconds(1)).map(second::equals).orElse(false);
      kind = both ? DaylightNote.Kind.TWICE_BOTH : DaylightNote.Kind.TWICE_ONCE;
    }
    return Optional.of(
        DaylightNote.twice(
            kind,
            zone,
            local.toLocalDate(),
            local.toLocalTime(),
            overlap.getDateTimeBefore().toLocalTime(),
            overlap.getDateTimeAfter().toLocalTime(),
            offset));
  }

  private boolean named(LocalDateTime local) {
    Instant asWritten = local.toInstant(ZoneOffset.UTC);
    return wall.next(asWritten.minusSeconds(1)).map(asWritten::equals).orElse(false);
  }
}
