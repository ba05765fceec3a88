package dev.runner.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.store.NewRun;
import dev.runner.store.RunEnd;
import dev.runner.store.RunOutcome;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TaskRows}' recent runs over a real SQLite store: each task's own latest outcomes, so the
 * overview draws a sparkline for a task that runs once a week beside one that runs every minute.
 */
class TaskRowsTest {

  @TempDir Path dir;

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  RunnerConfig config;
  Store store;
  int fires;

  @BeforeEach
  void load() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(
        home.resolve("tasks_config.json"),
        """
        {"busy": {"type": "shell", "every": "1m", "command": "true"},
         "rare": {"type": "shell", "every": "7d", "command": "true"},
         "never": {"type": "shell", "every": "1d", "command": "true"}}
        """);
    config =
        new ConfigLoader(
                TaskTypes.load(getClass().getClassLoader()),
                Map.of("PATH", System.getenv("PATH")),
                ZoneOffset.UTC)
            .load(Home.resolve(null, null, null, Map.of(), home));
    store = SqliteStore.connect(home.resolve("task_log.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  /**
   * A row of {@code task} as a claim ({@code running}) or a decision ({@code skipped}) writes it.
   */
  long claimed(Store.Tx tx, String task, RunStatus status) {
    Instant at = NOW.minusSeconds(100_000).plusSeconds(fires++);
    return tx.insert(new NewRun(task, status, at, at, Trigger.SCHEDULE, 1, "{}"), "host", 1)
        .orElseThrow();
  }

  /** A run of {@code task} that ended; {@code last} is false for an attempt a retry follows. */
  long ended(Store.Tx tx, String task, RunStatus status, double seconds, boolean last) {
    long id = claimed(tx, task, RunStatus.RUNNING);
    tx.finish(id, new RunEnd(status, null, NOW, seconds, "{}", last));
    return id;
  }

  TaskRow row(String name) {
    return TaskRows.read(config, store, NOW).stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_rarely_run_task_keeps_its_latest_final_runs_though_another_ran_hundreds_of_times_since() {
    List<RunOutcome> expected = new ArrayList<>();
    store.inTransaction(
        tx -> {
          for (int i = 0; i < 30; i++) {
            RunStatus status = i % 3 == 0 ? RunStatus.TECHNICAL_FAILURE : RunStatus.SUCCESS;
            expected.add(new RunOutcome(ended(tx, "rare", status, i, true), status, (double) i));
          }
          claimed(tx, "rare", RunStatus.SKIPPED);
          ended(tx, "rare", RunStatus.TECHNICAL_FAILURE, 1, false);
          long cancelled = ended(tx, "rare", RunStatus.CANCELLED, 2, true);
          expected.add(new RunOutcome(cancelled, RunStatus.CANCELLED, 2.0));
          claimed(tx, "rare", RunStatus.RUNNING);
          for (int i = 0; i < 600; i++) {
            ended(tx, "busy", RunStatus.SUCCESS, 1, true);
          }
          return null;
        });
    expected.sort(Comparator.comparingLong(RunOutcome::id).reversed());

    TaskRow rare = row("rare");
    assertThat(rare.running()).as("its latest row is still running").isTrue();
    assertThat(rare.recent())
        .as("newest first, at most 20; running, skipped and retried attempts left out")
        .containsExactlyElementsOf(expected.subList(0, TaskStats.RECENT));
    assertThat(row("busy").recent()).hasSize(TaskStats.RECENT);
    assertThat(row("never").recent()).isEmpty();
  }

  @Test
  void each_recent_run_is_its_id_status_and_duration_in_the_json() {
    long id = store.inTransaction(tx -> ended(tx, "rare", RunStatus.TIMEOUT, 2.5, true));
    Map<String, Object> json = TaskJson.of(List.of(row("rare")), ZoneOffset.UTC).get(0);
    assertThat(json.get("recent"))
        .isEqualTo(List.of(Map.of("id", id, "status", "timeout", "duration", 2.5)));
  }
}
