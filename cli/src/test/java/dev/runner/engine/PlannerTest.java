package dev.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.TaskDef;
import dev.runner.config.TaskDef.Catchup;
import dev.runner.config.TaskDef.Overlap;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Durations;
import dev.runner.schedule.ScheduleSpec;
import dev.runner.store.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The planner alone: tasks, stored state and now in, decisions and new state out. */
class PlannerTest {

  final Planner planner = new Planner();
  final Map<String, TaskState> states = new HashMap<>();

  static TaskDef task(String name, ScheduleSpec schedule) {
    return task(name, schedule, true, Catchup.LATEST, Overlap.SKIP, null, null);
  }

  static TaskDef task(
      String name,
      ScheduleSpec schedule,
      boolean enabled,
      Catchup catchup,
      Overlap overlap,
      Long max,
      DateTimeText start) {
    return new TaskDef(
        name,
        "shell",
        enabled,
        "",
        schedule,
        start,
        null,
        max,
        ZoneOffset.UTC,
        catchup,
        overlap,
        null,
        TaskDef.RetryPolicy.NONE,
        List.of(),
        TaskDef.TriggerOn.SUCCESS,
        null,
        List.of(),
        Map.of(),
        List.of(),
        context -> null);
  }

  static Instant t(String text) {
    return Instant.parse(text);
  }

  Plan tick(List<TaskDef> tasks, String now, Set<String> live) {
    Plan plan = planner.plan(tasks, states, live, t(now));
    plan.states().forEach(s -> states.put(s.taskName(), s));
    return plan;
  }

  Plan tick(TaskDef task, String now) {
    return tick(List.of(task), now, Set.of());
  }

  static final ScheduleSpec EVERY_MINUTE = new ScheduleSpec.CronSpec("* * * * *");

  @Test
  void a_new_cron_task_waits_for_its_next_fire() {
    assertThat(tick(task("c", EVERY_MINUTE), "2026-11-23T10:00:30Z").decisions()).isEmpty();
    assertThat(tick(task("c", EVERY_MINUTE), "2026-11-23T10:01:00Z").runs())
        .extracting(Decision::scheduledFor)
        .containsExactly(t("2026-11-23T10:01:00Z"));
  }

  @Test
  void a_new_interval_task_without_start_time_runs_its_latest_grid_fire_at_once_then_the_grid() {
    TaskDef every = task("e", new ScheduleSpec.EverySpec(Duration.ofMinutes(15), false));
    assertThat(tick(every, "2026-11-23T10:07:30Z").runs())
        .extracting(Decision::scheduledFor)
        .containsExactly(t("2026-11-23T10:00:00Z"));
    assertThat(tick(every, "2026-11-23T10:14:00Z").runs()).isEmpty();
    assertThat(tick(every, "2026-11-23T10:15:01.400Z").runs())
        .extracting(Decision::scheduledFor)
        .containsExactly(t("2026-11-23T10:15:00Z"));
  }

  /**
   * Cron starts a minutely tick 0.9 to 2.5 s after the minute, a little differently each time. Each
   * interval's fires then run once each, in the minute they fall in, none coalesced.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1m", "2m", "5m", "15m", "1h", "2h", "1d"})
  void interval_fires_run_once_each_in_their_own_minute_under_cron_start_offsets(String every) {
    Duration period = Durations.parse(every);
    TaskDef task = task("e", new ScheduleSpec.EverySpec(period, false));
    Random offsets = new Random(every.hashCode());
    Instant minute = t("2026-11-23T09:58:00Z");
    int minutes = (int) Math.max(40, 3 * period.toMinutes());
    List<Instant> ran = new ArrayList<>();
    Instant last = null;
    for (int i = 0; i < minutes; i++) {
      last = minute.plusSeconds(60L * i).plusMillis(900 + offsets.nextInt(1601));
      for (Decision d : tick(List.of(task), last.toString(), Set.of()).decisions()) {
        assertThat(d.run()).as("a skip at %s", last).isTrue();
        assertThat(d.notes()).as("coalesced at %s", last).doesNotContainKey("skipped_fires");
        ran.add(d.scheduledFor());
        if (ran.size() > 1) {
          assertThat(Duration.between(d.scheduledFor(), last))
              .as("the fire of %s ran in its own minute", d.scheduledFor())
              .isLessThan(Duration.ofSeconds(3));
        }
      }
    }
    // first sight runs the grid's latest fire (on the grid from midnight), then every fire once
    assertThat(ran.get(0).toEpochMilli() % period.toMillis()).isZero();
    assertThat(ran.get(0)).isBeforeOrEqualTo(minute.plusMillis(2500));
    List<Instant> grid = new ArrayList<>();
    for (Instant fire = ran.get(0); !fire.isAfter(last); fire = fire.plus(period)) {
      grid.add(fire);
    }
    assertThat(ran).containsExactlyElementsOf(grid);
  }

  @Test
  void an_interval_under_a_minute_coalesces_its_fires_between_minutely_ticks_and_counts_them() {
    TaskDef task = task("e", new ScheduleSpec.EverySpec(Duration.ofSeconds(20), false));
    tick(task, "2026-11-23T10:00:01.200Z");
    Plan next = tick(task, "2026-11-23T10:01:02.100Z");
    assertThat(next.runs())
        .extracting(Decision::scheduledFor)
        .containsExactly(t("2026-11-23T10:01:00Z"));
    assertThat(next.runs().get(0).notes()).containsEntry("skipped_fires", 2L);
  }

  @Test
  void an_old_home_s_interval_anchored_at_first_sight_moves_onto_the_grid_without_running_twice() {
    TaskDef task = task("e", new ScheduleSpec.EverySpec(Duration.ofMinutes(1), false));
    // what an earlier runner stored: the anchor and watermark of the instant it first saw the task
    states.put(
        "e",
        TaskState.firstSight("e", t("2026-11-23T10:00:01.953Z"), t("2026-11-23T10:00:01.953Z")));
    assertThat(tick(task, "2026-11-23T10:01:01.400Z").runs())
        .extracting(Decision::scheduledFor)
        .containsExactly(t("2026-11-23T10:01:00Z"));
    assertThat(tick(task, "2026-11-23T10:01:30Z").runs()).isEmpty();
  }

  @Test
  void catchup_latest_runs_the_latest_missed_fire_and_counts_the_rest() {
    tick(task("c", EVERY_MINUTE), "2026-11-23T10:00:00Z");
    Plan plan = tick(task("c", EVERY_MINUTE), "2026-11-23T11:00:10Z");
    assertThat(plan.runs())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.scheduledFor()).isEqualTo(t("2026-11-23T11:00:00Z"));
              assertThat(d.notes()).containsEntry("skipped_fires", 59L);
            });
  }

  @Test
  void catchup_all_claims_at_most_a_hundred_fires_a_tick_and_the_rest_next_time() {
    TaskDef all = task("a", EVERY_MINUTE, true, Catchup.ALL, Overlap.ALLOW, null, null);
    tick(all, "2026-11-23T10:00:00Z");
    assertThat(tick(all, "2026-11-23T12:30:00Z").runs()).hasSize(100);
    assertThat(states.get("a").watermark()).isEqualTo(t("2026-11-23T11:40:00Z"));
    assertThat(tick(all, "2026-11-23T12:30:00Z").runs())
        .hasSize(50)
        .first()
        .satisfies(d -> assertThat(d.scheduledFor()).isEqualTo(t("2026-11-23T11:41:00Z")));
  }

  @Test
  void catchup_none_runs_a_young_fire_and_records_a_late_one_as_skipped() {
    TaskDef none =
        task(
            "n",
            new ScheduleSpec.CronSpec("*/10 * * * *"),
            true,
            Catchup.NONE,
            Overlap.SKIP,
            null,
            null);
    tick(none, "2026-11-23T09:55:00Z");
    assertThat(tick(none, "2026-11-23T10:01:29Z").runs()).hasSize(1);
    Plan late = tick(none, "2026-11-23T10:11:45Z");
    assertThat(late.runs()).isEmpty();
    assertThat(late.decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).startsWith("late: the fire is 105s old"));
  }

  @Test
  void a_live_run_makes_the_next_fire_a_recorded_skip() {
    tick(task("c", EVERY_MINUTE), "2026-11-23T10:00:00Z");
    Plan plan = tick(List.of(task("c", EVERY_MINUTE)), "2026-11-23T10:01:00Z", Set.of("c"));
    assertThat(plan.runs()).isEmpty();
    assertThat(plan.decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("overlap"));
  }

  @Test
  void a_disabled_task_drops_its_fires_and_says_so_once() {
    TaskDef off = task("d", EVERY_MINUTE, false, Catchup.LATEST, Overlap.SKIP, null, null);
    tick(off, "2026-11-23T10:00:00Z");
    assertThat(tick(off, "2026-11-23T10:05:00Z").decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("disabled"));
    assertThat(tick(off, "2026-11-23T10:10:00Z").decisions()).isEmpty();
    // enabled again: fires while disabled are gone, the next one runs
    assertThat(tick(task("d", EVERY_MINUTE), "2026-11-23T10:11:00Z").runs())
        .extracting(Decision::scheduledFor)
        .containsExactly(t("2026-11-23T10:11:00Z"));
  }

  @Test
  void max_executions_stops_after_that_many_scheduled_runs() {
    TaskDef capped = task("m", EVERY_MINUTE, true, Catchup.LATEST, Overlap.SKIP, 2L, null);
    tick(capped, "2026-11-23T10:00:00Z");
    assertThat(tick(capped, "2026-11-23T10:01:00Z").runs()).hasSize(1);
    assertThat(tick(capped, "2026-11-23T10:02:00Z").runs()).hasSize(1);
    assertThat(tick(capped, "2026-11-23T10:03:00Z").decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("max_executions (2) reached"));
    assertThat(tick(capped, "2026-11-23T10:04:00Z").decisions()).isEmpty();
  }

  @Test
  void when_the_clock_goes_back_nothing_runs_until_it_passes_the_watermark() {
    tick(task("c", EVERY_MINUTE), "2026-11-23T10:00:00Z");
    tick(task("c", EVERY_MINUTE), "2026-11-23T10:05:00Z");
    assertThat(tick(task("c", EVERY_MINUTE), "2026-11-23T09:00:00Z").decisions()).isEmpty();
    assertThat(states.get("c").watermark()).isEqualTo(t("2026-11-23T10:05:00Z"));
    assertThat(tick(task("c", EVERY_MINUTE), "2026-11-23T10:04:00Z").decisions()).isEmpty();
    assertThat(tick(task("c", EVERY_MINUTE), "2026-11-23T10:06:00Z").runs()).hasSize(1);
  }

  @Test
  void start_time_anchors_an_interval_and_nothing_fires_before_it() {
    TaskDef anchored =
        task(
            "s",
            new ScheduleSpec.EverySpec(Duration.ofHours(1), true),
            true,
            Catchup.LATEST,
            Overlap.SKIP,
            null,
            DateTimeText.parse("2026-11-23T12:30:00Z"));
    assertThat(tick(anchored, "2026-11-23T10:00:00Z").decisions()).isEmpty();
    assertThat(tick(anchored, "2026-11-23T12:00:00Z").decisions()).isEmpty();
    assertThat(tick(anchored, "2026-11-23T13:31:00Z").runs())
        .extracting(Decision::scheduledFor)
        .containsExactly(t("2026-11-23T13:30:00Z"));
  }
}
