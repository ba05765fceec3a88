package dev.runner.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.ScheduleSpec;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulePartsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * * *           | {kind=every_minute, expr=* * * * *}",
        "*/15 * * * *        | {kind=minutes, n=15, expr=*/15 * * * *}",
        "0/20 * * * *        | {kind=minutes, n=20, expr=0/20 * * * *}",
        "*/7 * * * *         | {kind=cron, expr=*/7 * * * *}",
        "5 * * * *           | {kind=hourly, minute=5, expr=5 * * * *}",
        "@hourly             | {kind=hourly, minute=0, expr=@hourly}",
        "30 */6 * * *        | {kind=hours, n=6, minute=30, expr=30 */6 * * *}",
        "0 9 * * *           | {kind=daily, times=[09:00], expr=0 9 * * *}",
        "0 0 9,18 * * *      | {kind=daily, times=[09:00, 18:00], expr=0 0 9,18 * * *}",
        "@daily              | {kind=daily, times=[00:00], expr=@daily}",
        "0 9 * * 1-5         | {kind=weekly, days=[mon, tue, wed, thu, fri], times=[09:00], expr=0 9 * * 1-5}",
        "0 8 * * SAT,7       | {kind=weekly, days=[sun, sat], times=[08:00], expr=0 8 * * SAT,7}",
        "@weekly             | {kind=weekly, days=[sun], times=[00:00], expr=@weekly}",
        "0 2 1 * *           | {kind=monthly, day=1, times=[02:00], expr=0 2 1 * *}",
        "0 0 25 12 *         | {kind=yearly, month=12, day=25, times=[00:00], expr=0 0 25 12 *}",
        "30 0 9 * * *        | {kind=cron, expr=30 0 9 * * *}",
        "0 9 L * *           | {kind=cron, expr=0 9 L * *}",
        "0 9 * * 5#2         | {kind=cron, expr=0 9 * * 5#2}",
        "0 9 1 * 1           | {kind=cron, expr=0 9 1 * 1}",
        "0 9 * 1-3 *         | {kind=cron, expr=0 9 * 1-3 *}",
        "0,30 9 * * *        | {kind=cron, expr=0,30 9 * * *}",
      })
  void cronShapesAreSaidAsPartsAndTheRestAsWritten(String expr, String parts) {
    assertThat(ScheduleParts.of(new ScheduleSpec.CronSpec(expr.trim()), List.of()))
        .hasToString(parts.trim());
  }

  @Test
  void theOtherKindsCarryTheirNumbers() {
    assertThat(ScheduleParts.of(null, List.of())).isEqualTo(Map.of("kind", "manual"));
    assertThat(ScheduleParts.of(null, List.of("fetch", "convert")))
        .isEqualTo(Map.of("kind", "after", "tasks", List.of("fetch", "convert")));
    assertThat(
            ScheduleParts.of(
                new ScheduleSpec.AtSpec(DateTimeText.parse("2026-12-24T18:00")), List.of()))
        .isEqualTo(Map.of("kind", "once", "at", "2026-12-24T18:00"));
    assertThat(
            ScheduleParts.of(new ScheduleSpec.EverySpec(Duration.ofMinutes(90), false), List.of()))
        .isEqualTo(Map.of("kind", "interval", "seconds", 5400L));
    assertThat(
            ScheduleParts.of(
                new ScheduleSpec.RepeatSpec(
                    ScheduleSpec.RepeatUnit.WEEK,
                    2,
                    LocalTime.of(9, 0),
                    Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY),
                    null,
                    null,
                    false),
                List.of()))
        .hasToString(
            "{kind=repeat, unit=week, interval=2, time=09:00, days=[mon, fri], day_of_month=null,"
                + " month=null}");
  }
}
