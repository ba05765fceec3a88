package dev.runner.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fire and, when daylight saving bears on it, what to tell beside it.
 *
 * @param note null for a plain fire
 */
public record NotedFire(Instant at, DaylightNote note) {

  /**
   * The notes beside consecutive fires from {@code from}: a cron schedule's own ({@code cron}, null
   * for any other schedule) where it has one, else a change of the zone's offset since the fire
   * before (or since {@code from} for the first), which moves every later fire's clock time against
   * UTC.
   */
  public static List<NotedFire> of(
      List<Instant> fires, Instant from, ZoneId zone, DaylightNotes cron) {
    List<NotedFire> out = new ArrayList<>(fires.size());
    ZoneOffset before = zone.getRules().getOffset(from);
    for (Instant at : fires) {
      ZoneOffset offset = zone.getRules().getOffset(at);
      Optional<DaylightNote> note = cron == null ? Optional.empty() : cron.of(at);
      if (note.isEmpty() && !offset.equals(before)) {
        note = Optional.of(DaylightNote.offsetChange(before, offset));
      }
      out.add(new NotedFire(at, note.orElse(null)));
      before = offset;
    }
    return out;
  }
}
