package dev.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.schedule.ScheduleSpec.RepeatSpec;
import dev.runner.schedule.ScheduleSpec.RepeatUnit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtherSchedulesTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static List<String> fires(Schedule schedule, String after, int n) {
    List<String> out = new ArrayList<>();
    Instant cursor = Instant.parse(after);
    for (int i = 0; i < n; i++) {
      var next = schedule.next(cursor);
      if (next.isEmpty()) {
        break;
      }
      cursor = next.get();
      out.add(cursor.toString());
    }
    return out;
  }

  @Test
  void every_is_an_exact_duration_across_daylight_saving() {
    Schedule every =
        new ScheduleSpec.EverySpec(Duration.ofHours(1), true)
            .compile(NEW_YORK, Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(fires(every, "2026-11-01T04:00:00Z", 3))
        .containsExactly("2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z");
    assertThat(
            every.count(
                Instant.parse("2026-11-01T04:00:00Z"), Instant.parse("2026-11-02T04:30:00Z")))
        .isEqualTo(new Schedule.FireCount(24, Instant.parse("2026-11-02T04:00:00Z")));
  }

  @Test
  void at_fires_once() {
    Schedule at =
        new ScheduleSpec.AtSpec(DateTimeText.parse("2026-12-24T18:00")).compile(NEW_YORK, null);
    assertThat(fires(at, "2026-01-01T00:00:00Z", 3)).containsExactly("2026-12-24T23:00:00Z");
  }

  @Test
  void bounds_keep_fires_inside_start_and_end() {
    Schedule daily =
        new BoundedSchedule(
            new ScheduleSpec.CronSpec("0 12 * * *").compile(ZoneId.of("UTC"), null),
            Instant.parse("2026-01-02T12:00:00Z"),
            Instant.parse("2026-01-04T12:00:00Z"));
    assertThat(fires(daily, "2026-01-01T00:00:00Z", 5))
        .containsExactly("2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z", "2026-01-04T12:00:00Z");
  }

  @Test
  void repeat_weekly_on_listed_days_every_other_week() {
    RepeatSpec spec =
        new RepeatSpec(
            RepeatUnit.WEEK,
            2,
            LocalTime.of(9, 0),
            Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            null,
            null,
            true);
    // anchor Monday 2026-11-02 in New York
    Schedule schedule = spec.compile(NEW_YORK, Instant.parse("2026-11-02T12:00:00Z"));
    assertThat(fires(schedule, "2026-11-01T00:00:00Z", 4))
        .containsExactly(
            "2026-11-02T14:00:00Z",
            "2026-11-06T14:00:00Z",
            "2026-11-16T14:00:00Z",
            "2026-11-20T14:00:00Z");
  }

  @Test
  void repeat_monthly_on_the_31st_uses_the_last_day_of_short_months() {
    RepeatSpec spec =
        new RepeatSpec(RepeatUnit.MONTH, 1, LocalTime.of(8, 0), Set.of(), 31, null, true);
    Schedule schedule =
        spec.compile(ZoneId.of("Asia/Shanghai"), Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(fires(schedule, "2026-01-01T00:00:00Z", 3))
        .containsExactly("2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z", "2026-03-31T00:00:00Z");
  }

  @Test
  void repeat_daily_in_a_gap_is_shifted_like_a_fixed_cron() {
    RepeatSpec spec =
        new RepeatSpec(RepeatUnit.DAY, 1, LocalTime.of(2, 30), Set.of(), null, null, true);
    Schedule schedule = spec.compile(NEW_YORK, Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(fires(schedule, "2026-03-07T12:00:00Z", 2))
        .containsExactly("2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z");
  }

  @Test
  void durations_read_as_people_write_them() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("15 minutes"))
        .hasMessageContaining("not a duration");
  }
}
