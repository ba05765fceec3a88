package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.Identity;
import dev.runner.store.NewRun;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run claimed by a runner that died before starting it is not a crash: it is run again. */
class NotStartedTest {

  @TempDir Path home;

  /** What a runner killed with the run still queued for a worker leaves: a row and no journal. */
  private void plantClaimedRun(String task, Instant fire) {
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      store.inTransaction(
          tx ->
              tx.insert(
                  new NewRun(task, RunStatus.RUNNING, fire, fire, Trigger.SCHEDULE, 1, "{}"),
                  Identity.current().host(),
                  999_999));
    }
  }

  @Test
  void a_claimed_run_that_never_started_is_recorded_so_and_runs_once_as_the_next_attempt()
      throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"job": {"type": "shell", "cron": "0 10 * * *", "command": "echo ran"}}
                """);
    cli.at("2026-11-23T09:00:00Z").run("tick");
    plantClaimedRun("job", Instant.parse("2026-11-23T10:00:00Z"));

    Cli.Result tick = cli.at("2026-11-23T10:00:40Z").run("tick");
    assertThat(tick.code()).as(tick.toString()).isZero();
    assertThat(tick.err()).doesNotContain("crashed");
    assertThat(cli.history("--task", "job"))
        .satisfiesExactly(
            again -> {
              assertThat(again).containsEntry("status", "success").containsEntry("attempt", 2);
              assertThat(again).containsEntry("scheduled_for", "2026-11-23T10:00:00Z");
            },
            first -> {
              assertThat(first).containsEntry("status", "skipped");
              assertThat(first.get("message").toString())
                  .contains("not started: the runner process (pid 999999) ended before the run");
            });
  }

  @Test
  void with_catchup_none_a_fire_too_old_is_not_run_again_and_the_row_says_why() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"job": {"type": "shell", "cron": "0 10 * * *", "catchup": "none",
                         "command": "echo ran"}}
                """);
    cli.at("2026-11-23T09:00:00Z").run("tick");
    plantClaimedRun("job", Instant.parse("2026-11-23T10:00:00Z"));

    assertThat(cli.at("2026-11-23T10:30:00Z").run("tick").code()).isZero();
    assertThat(cli.history("--task", "job"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("status", "skipped");
              assertThat(row.get("message").toString())
                  .contains("not started")
                  .contains("not queued again: the fire is 1800s old and catchup is none");
            });
  }
}
