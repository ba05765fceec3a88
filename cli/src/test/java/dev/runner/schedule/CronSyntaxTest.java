package dev.runner.schedule;

import static dev.runner.schedule.CronDaylightSavingTest.fires;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronSyntaxTest {

  @Test
  void either_day_matches_when_neither_day_field_starts_with_a_star() throws Exception {
    // 2026-06-01 is a Monday; the 1st or any Monday.
    assertThat(fires("0 0 1 * MON", "UTC", "2026-05-28T00:00:00Z", 3))
        .containsExactly("2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z");
    assertThat(fires("0 0 15 * 0", "UTC", "2026-11-10T00:00:00Z", 2))
        .containsExactly("2026-11-15T00:00:00Z", "2026-11-22T00:00:00Z");
  }

  @Test
  void a_stepped_star_counts_as_a_star_in_the_day_rule() throws Exception {
    // */2 starts with a star: odd days AND Monday, as cronie does.
    assertThat(fires("0 0 */2 * 1", "UTC", "2026-06-01T00:00:00Z", 3))
        .containsExactly("2026-06-15T00:00:00Z", "2026-06-29T00:00:00Z", "2026-07-13T00:00:00Z");
  }

  @Test
  void a_slash_step_after_a_number_runs_to_the_maximum() throws Exception {
    assertThat(fires("0 0 25/3 * *", "UTC", "2026-01-24T00:00:00Z", 4))
        .containsExactly(
            "2026-01-25T00:00:00Z",
            "2026-01-28T00:00:00Z",
            "2026-01-31T00:00:00Z",
            "2026-02-25T00:00:00Z");
  }

  @Test
  void seven_and_zero_are_both_sunday_and_names_are_any_case() throws Exception {
    assertThat(fires("0 9 * * 7", "UTC", "2026-11-20T00:00:00Z", 1))
        .isEqualTo(fires("0 9 * * sun", "UTC", "2026-11-20T00:00:00Z", 1))
        .containsExactly("2026-11-22T09:00:00Z");
    assertThat(fires("0 9 * feb-Mar Fri-SUN", "UTC", "2026-01-01T00:00:00Z", 3))
        .containsExactly("2026-02-01T09:00:00Z", "2026-02-06T09:00:00Z", "2026-02-07T09:00:00Z");
  }

  @Test
  void macros_expand_to_their_crontab_meaning() throws Exception {
    assertThat(fires("@weekly", "UTC", "2026-11-23T00:00:00Z", 1))
        .containsExactly("2026-11-29T00:00:00Z");
    assertThat(fires("@monthly", "UTC", "2026-11-23T00:00:00Z", 1))
        .containsExactly("2026-12-01T00:00:00Z");
    assertThat(fires("@yearly", "UTC", "2026-11-23T00:00:00Z", 1))
        .containsExactly("2027-01-01T00:00:00Z");
  }

  @Test
  void quartz_day_forms() throws Exception {
    assertThat(fires("0 0 L * *", "UTC", "2026-02-01T00:00:00Z", 2))
        .containsExactly("2026-02-28T00:00:00Z", "2026-03-31T00:00:00Z");
    // last Friday
    assertThat(fires("0 0 * * 5L", "UTC", "2026-11-01T00:00:00Z", 1))
        .containsExactly("2026-11-27T00:00:00Z");
    // second Tuesday
    assertThat(fires("0 0 * * 2#2", "UTC", "2026-11-01T00:00:00Z", 1))
        .containsExactly("2026-11-10T00:00:00Z");
    // 2026-08-15 is a Saturday: nearest weekday is Friday the 14th
    assertThat(fires("0 0 15W * *", "UTC", "2026-08-01T00:00:00Z", 1))
        .containsExactly("2026-08-14T00:00:00Z");
    // 2026-05-31 is a Sunday: last weekday is Friday the 29th
    assertThat(fires("0 0 LW * *", "UTC", "2026-05-01T00:00:00Z", 1))
        .containsExactly("2026-05-29T00:00:00Z");
  }

  @Test
  void six_fields_put_seconds_first() throws Exception {
    assertThat(fires("*/20 * * * * *", "UTC", "2026-01-01T00:00:05Z", 3))
        .containsExactly("2026-01-01T00:00:20Z", "2026-01-01T00:00:40Z", "2026-01-01T00:01:00Z");
  }

  @Test
  void mistakes_name_the_field_at_fault() {
    assertThatThrownBy(() -> Cron.parse("61 * * * *", ZoneOffset.UTC))
        .hasMessage("minute field '61': 61 is out of range 0-59");
    assertThatThrownBy(() -> Cron.parse("0 0 * * FUN", ZoneOffset.UTC))
        .hasMessageContaining("day-of-week field 'FUN'");
    assertThatThrownBy(() -> Cron.parse("* * * *", ZoneOffset.UTC)).hasMessageContaining("found 4");
    assertThatThrownBy(() -> Cron.parse("0 0 * * L", ZoneOffset.UTC))
        .hasMessageContaining("ambiguous");
    assertThatThrownBy(() -> Cron.parse("0 5-1 * * *", ZoneOffset.UTC))
        .hasMessageContaining("backwards");
    assertThatThrownBy(() -> Cron.parse("*/0 * * * *", ZoneOffset.UTC))
        .hasMessageContaining("step 0 is out of range");
    assertThatThrownBy(() -> Cron.parse("@reboot", ZoneOffset.UTC)).hasMessageContaining("@reboot");
  }

  @Test
  void an_impossible_date_never_fires() throws Exception {
    assertThat(Cron.parse("0 0 30 2 *", ZoneOffset.UTC).next(java.time.Instant.EPOCH)).isEmpty();
  }
}
