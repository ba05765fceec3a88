package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.Identity;
import dev.runner.store.NewRun;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryTest {

  @TempDir Path home;

  /** Fails with exit 2 until its third run. */
  static final String FLAKY =
      "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count;"
          + " echo attempt $RUNNER_ATTEMPT; [ $n -ge 3 ] || exit 2";

  @Test
  void technical_failures_are_retried_without_holding_the_worker_other_tasks_need()
      throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"flaky": {"type": "shell", "every": "1h", "retries": {"max": 3, "backoff": "1s"},
                           "command": "echo flaky $RUNNER_ATTEMPT >> order.txt; %s"},
                 "other": {"type": "shell", "every": "1h", "command": "echo other >> order.txt"}}
                """
                    .formatted(FLAKY.replace("\"", "\\\"")));
    cli.env.put("RUNNER_MAX_WORKERS", "1");
    // The harness's fixed clock, not the wall's: the engine reads the clock only to reckon when a
    // retry is due, and waits for it on a JDK timer in real time, which no clock can shorten. So
    // the recorded instants cannot show the order; the lines the runs append do.
    Cli.Result tick = cli.run("tick");
    assertThat(tick.code()).as(tick.toString()).isZero();

    // One worker, which flaky lets go of while it waits: `other`, queued behind flaky's first
    // attempt, runs then; a worker that waited out the backoff and ran the retries itself would
    // append them before `other`.
    assertThat(Files.readAllLines(home.resolve("order.txt")))
        .containsExactly("flaky 1", "other", "flaky 2", "flaky 3");
    List<Map<String, Object>> flaky =
        cli.history("--task", "flaky").stream()
            .sorted(Comparator.comparing(r -> (Integer) r.get("attempt")))
            .toList();
    assertThat(flaky)
        .extracting(r -> r.get("attempt") + ":" + r.get("status") + ":" + r.get("trigger"))
        .containsExactly(
            "1:technical_failure:schedule", "2:technical_failure:retry", "3:success:retry");
    assertThat(flaky)
        .extracting(r -> r.get("scheduled_for"))
        .containsOnly(flaky.get(0).get("scheduled_for"));
    @SuppressWarnings("unchecked")
    Map<String, Object> retry =
        (Map<String, Object>) ((Map<String, Object>) flaky.get(0).get("message")).get("retry");
    assertThat(retry).containsEntry("attempt", 2).containsKey("at");
  }

  @Test
  void business_failures_are_never_retried() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"no": {"type": "shell", "every": "1h", "retries": 3, "command": "exit 1"}}
                """);
    assertThat(cli.run("tick").code()).isEqualTo(1);
    assertThat(cli.history())
        .singleElement()
        .satisfies(r -> assertThat(r.get("status")).isEqualTo("business_failure"));
  }

  @Test
  void a_long_backoff_is_stored_and_claimed_by_a_later_tick() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"flaky": {"type": "shell", "cron": "0 * * * *",
                           "retries": {"max": 2, "backoff": "5m"}, "command": "%s"}}
                """
                    .formatted(FLAKY.replace("\"", "\\\"")));
    cli.at("2026-11-23T09:30:00Z").run("tick");
    Cli.Result first = cli.at("2026-11-23T10:00:05Z").run("tick");
    assertThat(first.code()).as("a failure that will be retried is not final").isZero();
    assertThat(cli.at("2026-11-23T10:03:00Z").run("tick").code()).isZero();
    assertThat(cli.history()).hasSize(1);
    Cli.Result retry = cli.at("2026-11-23T10:05:06Z").run("tick");
    assertThat(retry.code()).isZero();
    assertThat(cli.history())
        .extracting(r -> r.get("attempt") + ":" + r.get("trigger") + ":" + r.get("scheduled_for"))
        .containsExactly("2:retry:2026-11-23T10:00:00Z", "1:schedule:2026-11-23T10:00:00Z");
    // attempt 2 failed too; its retry (10 minutes later) is stored for a later tick
    cli.at("2026-11-23T10:16:00Z").run("tick");
    assertThat(cli.history())
        .first()
        .satisfies(
            r -> {
              assertThat(r.get("attempt")).isEqualTo(3);
              assertThat(r.get("status")).isEqualTo("success");
            });
  }

  @Test
  void a_crashed_run_is_retried_when_the_task_opts_in() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"job": {"type": "shell", "cron": "0 0 1 1 *", "retries": {"max": 1, "backoff": "1s"},
                         "command": "echo again"}}
                """);
    cli.run("validate");
    Instant fire = Instant.parse("2026-11-23T09:00:00Z");
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      long id =
          store
              .inTransaction(
                  tx ->
                      tx.insert(
                          new NewRun(
                              "job", RunStatus.RUNNING, fire, fire, Trigger.SCHEDULE, 1, "{}"),
                          Identity.current().host(),
                          999_999))
              .orElseThrow();
      Cli.markStarted(home, id); // it began: a crash, not a run that never started
    }
    cli.at("2026-11-23T10:00:00Z").run("tick");
    assertThat(cli.history())
        .singleElement()
        .satisfies(r -> assertThat(r.get("status")).isEqualTo("crashed"));
    cli.at("2026-11-23T10:00:02Z").run("tick");
    assertThat(cli.history().get(0))
        .containsEntry("attempt", 2)
        .containsEntry("trigger", "retry")
        .containsEntry("status", "success");
  }

  @Test
  void the_retry_is_due_on_a_whole_second_and_every_message_says_it_to_the_second()
      throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"flaky": {"type": "shell", "retries": {"max": 1, "backoff": "5m"},
                           "command": "exit 2"}}
                """);
    Cli.Result run = cli.run("run", "flaky");
    // the run took some nanoseconds; its retry is due at the whole second after the backoff
    assertThat(run.err()).as(run.toString()).contains("; retry at 2026-11-23T10:05:01Z\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> retry =
        (Map<String, Object>)
            ((Map<String, Object>) cli.history().get(0).get("message")).get("retry");
    assertThat(retry).containsEntry("at", "2026-11-23T10:05:01Z").containsEntry("attempt", 2);
    assertThat(cli.run("status", "--json").out()).contains("\"due_at\" : \"2026-11-23T10:05:01Z\"");
  }

  @Test
  void run_says_which_attempt_comes_next_and_when_before_it_waits() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"flaky": {"type": "shell", "retries": {"max": 2, "backoff": "1s"},
                           "command": "%s"}}
                """
                    .formatted(FLAKY.replace("\"", "\\\"")));
    Cli.Result run = cli.run("run", "flaky");
    assertThat(run.code()).as(run.toString()).isZero();
    // the clock stands still, so each wait is the backoff plus the second it is rounded up to
    assertThat(run.out())
        .containsPattern(
            "(?s)attempt 1\n"
                + "flaky: technical_failure; attempt 2 of 3 in [12] s\n"
                + "attempt 2\n"
                + "flaky: technical_failure; attempt 3 of 3 in [23] s\n"
                + "attempt 3\n");
  }
}
