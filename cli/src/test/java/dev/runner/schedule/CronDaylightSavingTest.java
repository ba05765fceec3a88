package dev.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daylight-saving rules (docs/schedules.md, "Daylight saving") in six zones across the 2025 and
 * 2026 transitions. Expected instants are written in UTC, worked out by hand from each zone's
 * offsets.
 */
class CronDaylightSavingTest {

  static List<String> fires(String cron, String zone, String after, int n) throws Exception {
    Schedule schedule = Cron.parse(cron, ZoneId.of(zone));
    List<String> out = new ArrayList<>();
    Instant cursor = Instant.parse(after);
    for (int i = 0; i < n; i++) {
      cursor = schedule.next(cursor).orElseThrow();
      out.add(cursor.toString());
    }
    return out;
  }

  @Test
  void new_york_spring_gap_shifts_a_fixed_time_fire_by_the_gap() throws Exception {
    // 2026-03-08 02:00 EST -> 03:00 EDT: 02:30 does not exist and becomes 03:30 EDT.
    assertThat(fires("30 2 * * *", "America/New_York", "2026-03-07T00:00:00Z", 3))
        .containsExactly("2026-03-07T07:30:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z");
    assertThat(fires("30 2 * * *", "America/New_York", "2025-03-08T12:00:00Z", 2))
        .containsExactly("2025-03-09T07:30:00Z", "2025-03-10T06:30:00Z");
  }

  @Test
  void new_york_spring_gap_has_no_wildcard_slots() throws Exception {
    assertThat(fires("*/30 * * * *", "America/New_York", "2026-03-08T06:00:00Z", 4))
        .containsExactly(
            "2026-03-08T06:30:00Z", // 01:30 EST
            "2026-03-08T07:00:00Z", // 03:00 EDT: 02:00 and 02:30 do not exist
            "2026-03-08T07:30:00Z",
            "2026-03-08T08:00:00Z");
  }

  @Test
  void a_fixed_time_fire_in_the_gap_and_the_same_wall_time_after_it_fire_once() throws Exception {
    // 02:30 moves to 03:30 EDT, which is also a slot of its own: one fire, not two.
    assertThat(fires("30 2,3 * * *", "America/New_York", "2026-03-08T06:00:00Z", 2))
        .containsExactly("2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z");
  }

  @Test
  void new_york_fall_overlap_fires_a_fixed_time_once_at_the_first_occurrence() throws Exception {
    // 2026-11-01 02:00 EDT -> 01:00 EST: 01:00-01:59 happens twice.
    assertThat(fires("0,30 1 * * *", "America/New_York", "2026-11-01T00:00:00Z", 4))
        .containsExactly(
            "2026-11-01T05:00:00Z",
            "2026-11-01T05:30:00Z",
            "2026-11-02T06:00:00Z",
            "2026-11-02T06:30:00Z");
    assertThat(fires("30 1 * * *", "America/New_York", "2025-11-02T00:00:00Z", 2))
        .containsExactly("2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z");
  }

  @Test
  void new_york_fall_overlap_fires_a_wildcard_at_every_real_instant() throws Exception {
    assertThat(fires("*/30 * * * *", "America/New_York", "2026-11-01T04:45:00Z", 5))
        .containsExactly(
            "2026-11-01T05:00:00Z", // 01:00 EDT
            "2026-11-01T05:30:00Z", // 01:30 EDT
            "2026-11-01T06:00:00Z", // 01:00 EST
            "2026-11-01T06:30:00Z", // 01:30 EST
            "2026-11-01T07:00:00Z"); // 02:00 EST
    assertThat(fires("@hourly", "America/New_York", "2026-11-01T04:30:00Z", 3))
        .containsExactly("2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z");
  }

  @Test
  void berlin_transitions_2025_and_2026() throws Exception {
    // 2025-03-30 02:00 CET -> 03:00 CEST; 2025-10-26 03:00 CEST -> 02:00 CET.
    assertThat(fires("30 2 * * *", "Europe/Berlin", "2025-03-29T12:00:00Z", 2))
        .containsExactly("2025-03-30T01:30:00Z", "2025-03-31T00:30:00Z");
    assertThat(fires("30 2 * * *", "Europe/Berlin", "2025-10-25T12:00:00Z", 2))
        .containsExactly("2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z");
    // 2026-03-29 and 2026-10-25.
    assertThat(fires("15 2 * * *", "Europe/Berlin", "2026-03-28T12:00:00Z", 2))
        .containsExactly("2026-03-29T01:15:00Z", "2026-03-30T00:15:00Z");
    assertThat(fires("*/30 2 * * *", "Europe/Berlin", "2026-10-24T23:59:00Z", 4))
        .containsExactly(
            "2026-10-25T00:00:00Z",
            "2026-10-25T00:30:00Z",
            "2026-10-25T01:00:00Z",
            "2026-10-25T01:30:00Z");
  }

  @Test
  void sydney_southern_hemisphere_transitions() throws Exception {
    // 2025-10-05 02:00 AEST -> 03:00 AEDT (gap); 2026-04-05 03:00 AEDT -> 02:00 AEST (overlap).
    assertThat(fires("30 2 * * *", "Australia/Sydney", "2025-10-04T00:00:00Z", 2))
        .containsExactly("2025-10-04T16:30:00Z", "2025-10-05T15:30:00Z");
    assertThat(fires("30 2 * * *", "Australia/Sydney", "2026-04-04T00:00:00Z", 2))
        .containsExactly("2026-04-04T15:30:00Z", "2026-04-05T16:30:00Z");
    assertThat(fires("0 * * * *", "Australia/Sydney", "2026-04-04T14:30:00Z", 3))
        .containsExactly("2026-04-04T15:00:00Z", "2026-04-04T16:00:00Z", "2026-04-04T17:00:00Z");
    assertThat(fires("30 2 * * *", "Australia/Sydney", "2026-10-03T00:00:00Z", 2))
        .containsExactly("2026-10-03T16:30:00Z", "2026-10-04T15:30:00Z");
  }

  @Test
  void cairo_midnight_gap_moves_midnight_to_one_and_keeps_the_day() throws Exception {
    // 2025-04-25 00:00 EET -> 01:00 EEST; 2026-04-24 likewise.
    assertThat(fires("0 0 * * *", "Africa/Cairo", "2025-04-23T12:00:00Z", 3))
        .containsExactly("2025-04-23T22:00:00Z", "2025-04-24T22:00:00Z", "2025-04-25T21:00:00Z");
    assertThat(fires("@daily", "Africa/Cairo", "2026-04-22T12:00:00Z", 3))
        .containsExactly("2026-04-22T22:00:00Z", "2026-04-23T22:00:00Z", "2026-04-24T21:00:00Z");
  }

  @Test
  void cairo_autumn_overlap_before_midnight_fires_once() throws Exception {
    // 2025-10-30 24:00 EEST -> 23:00 EET: 23:00-23:59 on the 30th happens twice.
    assertThat(fires("30 23 * * *", "Africa/Cairo", "2025-10-30T12:00:00Z", 2))
        .containsExactly("2025-10-30T20:30:00Z", "2025-10-31T21:30:00Z");
  }

  @Test
  void shanghai_and_utc_have_no_transitions() throws Exception {
    assertThat(fires("0 0 * * *", "Asia/Shanghai", "2026-03-08T00:00:00Z", 2))
        .containsExactly("2026-03-08T16:00:00Z", "2026-03-09T16:00:00Z");
    assertThat(fires("30 2 * * *", "UTC", "2026-03-29T00:00:00Z", 2))
        .containsExactly("2026-03-29T02:30:00Z", "2026-03-30T02:30:00Z");
  }

  @Test
  void six_field_seconds_fire_through_a_gap_without_wall_times_that_do_not_exist()
      throws Exception {
    assertThat(fires("*/20 59 1 * * *", "America/New_York", "2026-03-08T06:59:30Z", 3))
        .containsExactly("2026-03-08T06:59:40Z", "2026-03-09T05:59:00Z", "2026-03-09T05:59:20Z");
  }

  @Test
  void counting_seconds_through_a_transition_day_stays_exact() throws Exception {
    Schedule everySecond = Cron.parse("* * * * * *", ZoneId.of("America/New_York"));
    // 2026-11-01 has 25 hours in New York: every real second of it fires once.
    Schedule.FireCount day =
        everySecond.count(
            Instant.parse("2026-11-01T03:59:59Z"), Instant.parse("2026-11-02T04:59:59Z"));
    assertThat(day.count()).isEqualTo(25 * 3600);
    assertThat(day.last()).isEqualTo(Instant.parse("2026-11-02T04:59:59Z"));
  }
}
