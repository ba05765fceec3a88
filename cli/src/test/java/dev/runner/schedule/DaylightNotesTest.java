package dev.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaylightNotesTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void a_fire_moved_out_of_the_spring_forward_gap_says_so() throws Exception {
    DaylightNotes notes = new DaylightNotes("30 2 * * *", NEW_YORK);
    Instant moved =
        Cron.parse("30 2 * * *", NEW_YORK).next(Instant.parse("2026-03-08T05:00:00Z")).get();
    assertThat(moved).isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
    assertThat(notes.of(moved).map(DaylightNote::toString))
        .hasValue(
            "02:30 does not exist on 2026-03-08 in America/New_York (clocks go forward from 02:00"
                + " to 03:00): it fires at 03:30 instead");
    assertThat(notes.of(Instant.parse("2026-03-09T06:30:00Z"))).isEmpty();
  }

  @Test
  void a_wall_time_the_fall_back_night_has_twice_says_once_or_both() throws Exception {
    assertThat(
            new DaylightNotes("30 1 * * *", NEW_YORK)
                .of(Instant.parse("2026-11-01T05:30:00Z"))
                .map(DaylightNote::toString))
        .hasValue(
            "01:30 happens twice on 2026-11-01 in America/New_York (clocks go back from 02:00 to"
                + " 01:00): it fires once, the first time, at -04:00");
    DaylightNotes wildcard = new DaylightNotes("*/30 * * * *", NEW_YORK);
    assertThat(wildcard.of(Instant.parse("2026-11-01T05:30:00Z")).get().toString())
        .endsWith("it fires both times; this is the first, at -04:00");
    assertThat(wildcard.of(Instant.parse("2026-11-01T06:30:00Z")).get().toString())
        .endsWith("this is the second time, at -05:00");
    assertThat(wildcard.of(Instant.parse("2026-11-01T07:30:00Z"))).isEmpty();
  }

  @Test
  void a_note_gives_its_kind_and_numbers_for_a_front_end_to_say_in_its_own_words()
      throws Exception {
    DaylightNotes notes = new DaylightNotes("30 2 * * *", NEW_YORK);
    assertThat(notes.of(Instant.parse("2026-03-08T07:30:00Z")).get().json())
        .containsExactly(
            entry("kind", "skipped"),
            entry("zone", "America/New_York"),
            entry("date", "2026-03-08"),
            entry("time", "02:30"),
            entry("clocks_from", "02:00"),
            entry("clocks_to", "03:00"),
            entry("fires_at", "03:30"));
    DaylightNotes wildcard = new DaylightNotes("*/30 * * * *", NEW_YORK);
    assertThat(wildcard.of(Instant.parse("2026-11-01T05:30:00Z")).get().json())
        .containsEntry("kind", "twice_both")
        .containsEntry("offset", "-04:00");
    assertThat(wildcard.of(Instant.parse("2026-11-01T06:30:00Z")).get().json())
        .containsEntry("kind", "twice_second")
        .containsEntry("clocks_from", "02:00")
        .containsEntry("clocks_to", "01:00")
        .containsEntry("offset", "-05:00");
    assertThat(
            new DaylightNotes("30 1 * * *", NEW_YORK)
                .of(Instant.parse("2026-11-01T05:30:00Z"))
                .get()
                .kind())
        .isEqualTo(DaylightNote.Kind.TWICE_ONCE);
  }

  @Test
  void beside_fires_a_cron_note_wins_and_any_other_schedule_is_told_the_offset_change()
      throws Exception {
    Schedule noon = Cron.parse("0 12 * * *", NEW_YORK);
    Instant from = Instant.parse("2026-03-06T18:00:00Z");
    List<NotedFire> fires =
        NotedFire.of(
            List.of(
                noon.next(from).get(),
                Instant.parse("2026-03-08T16:00:00Z"),
                Instant.parse("2026-03-09T16:00:00Z")),
            from,
            NEW_YORK,
            null);
    assertThat(fires.get(0).note()).isNull();
    assertThat(fires.get(1).note())
        .isEqualTo(DaylightNote.offsetChange(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-4)));
    assertThat(fires.get(1).note().toString())
        .isEqualTo("the clocks change before this fire: UTC-05:00 to UTC-04:00");
    assertThat(fires.get(2).note()).as("the change is told once").isNull();

    Instant moved = Instant.parse("2026-03-08T07:30:00Z");
    List<NotedFire> cron =
        NotedFire.of(
            List.of(Instant.parse("2026-03-07T07:30:00Z"), moved),
            from.minusSeconds(86400),
            NEW_YORK,
            new DaylightNotes("30 2 * * *", NEW_YORK));
    assertThat(cron.get(1).note().kind()).isEqualTo(DaylightNote.Kind.SKIPPED);
  }
}
