package dev.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DaylightNotesTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void a_fire_moved_out_of_the_spring_forward_gap_says_so() throws Exception {
    DaylightNotes notes = new DaylightNotes("30 2 * * *", NEW_YORK);
    Instant moved =
        Cron.parse("30 2 * * *", NEW_YORK).next(Instant.parse("2026-03-08T05:00:00Z")).get();
    assertThat(moved).isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
    assertThat(notes.of(moved))
        .hasValue(
            "02:30 does not exist on 2026-03-08 in America/New_York (clocks go forward from 02:00"
                + " to 03:00): it fires at 03:30 instead");
    assertThat(notes.of(Instant.parse("2026-03-09T06:30:00Z"))).isEmpty();
  }

  @Test
  void a_wall_time_the_fall_back_night_has_twice_says_once_or_both() throws Exception {
    assertThat(new DaylightNotes("30 1 * * *", NEW_YORK).of(Instant.parse("2026-11-01T05:30:00Z")))
        .hasValue(
            "01:30 happens twice on 2026-11-01 in America/New_York (clocks go back from 02:00 to"
                + " 01:00): it fires once, the first time, at -04:00");
    DaylightNotes wildcard = new DaylightNotes("*/30 * * * *", NEW_YORK);
    assertThat(wildcard.of(Instant.parse("2026-11-01T05:30:00Z")).get())
        .endsWith("it fires both times; this is the first, at -04:00");
    assertThat(wildcard.of(Instant.parse("2026-11-01T06:30:00Z")).get())
        .endsWith("this is the second time, at -05:00");
    assertThat(wildcard.of(Instant.parse("2026-11-01T07:30:00Z"))).isEmpty();
  }
}
