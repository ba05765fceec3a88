package dev.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.config.TaskTypes;
import dev.runner.query.BackfillPlan;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.TaskState;
import dev.runner.store.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Engine.submitBackfill}: every window's row is claimed before any runs, the windows run in
 * order, the first that fails stops the rest (recorded skipped), and a backfill from the last
 * window's end moves the schedule on past each success.
 */
class BackfillSubmitTest {

  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  RunnerConfig config(String command) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(
        home.resolve("tasks_config.json"),
        "{\"win\": {\"type\": \"shell\", \"every\": \"15m\", \"window\": true, \"command\": \""
            + command
            + "\"}}");
    return new ConfigLoader(
            TaskTypes.load(getClass().getClassLoader()),
            Map.of("PATH", System.getenv("PATH")),
            ZoneOffset.UTC)
        .load(Home.resolve(null, null, null, Map.of(), home));
  }

  Engine engine(RunnerConfig config) {
    return new Engine(
        config,
        Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC),
        new Identity("host", ProcessHandle.current().pid()));
  }

  @Test
  void the_first_window_that_fails_stops_the_rest_which_are_recorded_skipped() throws Exception {
    RunnerConfig config = config("test $RUNNER_WINDOW_START != 2026-01-01T00:15:00Z");
    TaskDef task = config.task("win").orElseThrow();
    try (Engine engine = engine(config)) {
      Engine.Backfill backfill =
          engine.submitBackfill(
              task,
              BackfillPlan.of(FROM, FROM.plusSeconds(3600), task.windowSize()).windows(),
              false,
              pool);

      assertThat(backfill.runIds()).hasSize(4);
      assertThatThrownBy(
              () ->
                  engine.submitBackfill(
                      task,
                      BackfillPlan.of(FROM, FROM.plusSeconds(900), task.windowSize()).windows(),
                      false,
                      pool))
          .as("the task is busy with the first backfill")
          .isInstanceOf(BusyException.class);
      List<RunResult> results = backfill.results().get(30, TimeUnit.SECONDS);
      assertThat(results)
          .extracting(RunResult::status)
          .containsExactly(RunStatus.SUCCESS, RunStatus.BUSINESS_FAILURE);
      List<RunRecord> rows =
          backfill.runIds().stream().map(id -> engine.store().find(id).orElseThrow()).toList();
      assertThat(rows)
          .extracting(RunRecord::status)
          .containsExactly(
              RunStatus.SUCCESS, RunStatus.BUSINESS_FAILURE, RunStatus.SKIPPED, RunStatus.SKIPPED);
      assertThat(rows).allSatisfy(r -> assertThat(r.trigger()).isEqualTo(Trigger.BACKFILL));
      assertThat(rows.get(2).message()).contains("of the window before ended business_failure");
      TaskState state = engine.store().states().get("win");
      assertThat(state == null ? null : state.windowNext())
          .as("a range leaves the schedule")
          .isNull();
    }
  }

  @Test
  void a_backfill_from_the_last_window_moves_the_schedule_past_each_success() throws Exception {
    RunnerConfig config = config("true");
    TaskDef task = config.task("win").orElseThrow();
    try (Engine engine = engine(config)) {
      engine
          .store()
          .inTransaction(
              tx -> {
                tx.ensureState("win", FROM);
                tx.putState(tx.states().get("win").withWindowNext(FROM));
                return null;
              });
      Engine.Backfill backfill =
          engine.submitBackfill(
              task,
              BackfillPlan.of(FROM, FROM.plusSeconds(1800), task.windowSize()).windows(),
              true,
              pool);

      assertThat(backfill.results().get(30, TimeUnit.SECONDS)).hasSize(2);
      assertThat(engine.store().states().get("win").windowNext()).isEqualTo(FROM.plusSeconds(1800));
    }
  }
}
