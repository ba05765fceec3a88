package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time-window tasks over a simulated day (docs/windows.md). */
class WindowTaskTest {

  @TempDir Path home;

  static final String SYNC =
      """
      {"sync": {"type": "shell", "every": "15m", "window": true,
                "start_time": "2026-11-23T00:00:00Z",
                "command": "if [ \\"$RUNNER_WINDOW_START\\" = 2026-11-23T10:00:00Z ] && [ ! -f failed_once ]; then touch failed_once; exit 2; fi; echo $RUNNER_WINDOW_START $RUNNER_WINDOW_END >> windows.txt"}}
      """;

  @Test
  void a_day_of_ticks_covers_every_window_once_and_retries_the_failed_one() throws Exception {
    CliHarness cli = new CliHarness(home).config(SYNC);
    Instant start = Instant.parse("2026-11-23T00:00:05Z");
    for (int i = 0; i <= 96; i++) {
      cli.at(start.plus(Duration.ofMinutes(15L * i)).toString()).run("tick");
    }
    List<Map<String, Object>> rows = cli.history("--task", "sync");
    List<Map<String, Object>> done =
        rows.stream()
            .filter(r -> r.get("status").equals("success"))
            .sorted(Comparator.comparing(r -> (String) r.get("window_start")))
            .toList();
    assertThat(done).hasSize(96);
    Instant expected = Instant.parse("2026-11-23T00:00:00Z");
    for (Map<String, Object> row : done) {
      assertThat(OffsetDateTime.parse((String) row.get("window_start")).toInstant())
          .isEqualTo(expected);
      expected = OffsetDateTime.parse((String) row.get("window_end")).toInstant();
    }
    assertThat(expected).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));

    assertThat(rows)
        .filteredOn(r -> "2026-11-23T10:00:00Z".equals(r.get("window_start")))
        .extracting(r -> r.get("attempt") + ":" + r.get("status"))
        .containsExactlyInAnyOrder("1:technical_failure", "2:success");
    // the task's own record: each window's data written once, in order
    List<String> written = Files.readAllLines(home.resolve("windows.txt"));
    assertThat(written).hasSize(96).doesNotHaveDuplicates();
    assertThat(written.get(40)).isEqualTo("2026-11-23T10:00:00Z 2026-11-23T10:15:00Z");
  }

  @Test
  void a_late_tick_catches_up_in_order_and_a_failed_window_runs_again_before_the_next()
      throws Exception {
    CliHarness cli = new CliHarness(home).config(SYNC);
    cli.at("2026-11-23T00:00:05Z").run("tick"); // first sight
    cli.at("2026-11-23T10:00:05Z").run("tick"); // ten hours late: forty windows, in order
    assertThat(Files.readAllLines(home.resolve("windows.txt")))
        .hasSize(40)
        .startsWith("2026-11-23T00:00:00Z 2026-11-23T00:15:00Z")
        .endsWith("2026-11-23T09:45:00Z 2026-11-23T10:00:00Z");
    assertThat(cli.at("2026-11-23T10:15:05Z").run("tick").code()).isEqualTo(1);
    assertThat(Files.readAllLines(home.resolve("windows.txt"))).hasSize(40);
    assertThat(cli.at("2026-11-23T10:30:05Z").run("tick").code()).isZero();
    assertThat(Files.readAllLines(home.resolve("windows.txt")))
        .hasSize(42)
        .endsWith(
            "2026-11-23T10:00:00Z 2026-11-23T10:15:00Z",
            "2026-11-23T10:15:00Z 2026-11-23T10:30:00Z");
  }

  @Test
  void a_window_task_needs_a_size_and_catches_up_every_window() throws Exception {
    CliHarness cli =
        new CliHarness(home)
            .config(
                """
                {"a": {"type": "shell", "command": "true", "cron": "0 * * * *", "window": true},
                 "b": {"type": "shell", "command": "true", "every": "1h", "window": {"size": "1h"},
                       "catchup": "latest"}}
                """);
    CliHarness.Result validate = cli.run("validate");
    assertThat(validate.err())
        .contains("a.window: window: true takes its size from an every/interval schedule")
        .contains("b.catchup: a window task runs every window, in order");
  }

  @Test
  void backfill_runs_a_ranges_windows_in_order_and_stops_at_the_first_failure() throws Exception {
    CliHarness cli = new CliHarness(home).config(SYNC);
    CliHarness.Result dry =
        cli.run(
            "backfill",
            "sync",
            "--from",
            "2026-11-23T09:30Z",
            "--to",
            "2026-11-23T10:50Z",
            "--dry-run");
    assertThat(dry.out())
        .startsWith("2026-11-23T09:30:00Z  2026-11-23T09:45:00Z\n")
        .contains("2026-11-23T10:30:00Z  2026-11-23T10:45:00Z\n5 windows; nothing was run");
    assertThat(dry.err())
        .contains("the range ends inside a window; backfill stops at 2026-11-23T10:45:00Z");
    assertThat(home.resolve("windows.txt")).doesNotExist();

    CliHarness.Result failed =
        cli.run("backfill", "sync", "--from", "2026-11-23T09:30Z", "--to", "2026-11-23T10:45Z");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err())
        .contains("window 2026-11-23T10:00:00Z – 2026-11-23T10:15:00Z failed: technical_failure")
        .contains("2 of 5 windows done")
        .contains(
            "resume with: runner backfill sync --from 2026-11-23T10:00:00Z --to 2026-11-23T10:45:00Z");
    CliHarness.Result resumed =
        cli.run("backfill", "sync", "--from", "2026-11-23T10:00Z", "--to", "2026-11-23T10:45Z");
    assertThat(resumed.code()).as(resumed.toString()).isZero();
    assertThat(Files.readAllLines(home.resolve("windows.txt")))
        .containsExactly(
            "2026-11-23T09:30:00Z 2026-11-23T09:45:00Z",
            "2026-11-23T09:45:00Z 2026-11-23T10:00:00Z",
            "2026-11-23T10:00:00Z 2026-11-23T10:15:00Z",
            "2026-11-23T10:15:00Z 2026-11-23T10:30:00Z",
            "2026-11-23T10:30:00Z 2026-11-23T10:45:00Z");
    assertThat(cli.history("--task", "sync"))
        .extracting(r -> r.get("trigger"))
        .containsOnly("backfill");
    assertThat(cli.run("backfill", "sync", "--from", "x", "--to", "y").err())
        .contains("--from: 'x' is not an ISO date-time");
  }

  @Test
  void a_window_task_is_not_run_by_hand_without_a_window() throws Exception {
    CliHarness cli = new CliHarness(home).config(SYNC);
    CliHarness.Result run = cli.run("run", "sync");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("sync is a window task").contains("runner backfill sync");
  }
}
