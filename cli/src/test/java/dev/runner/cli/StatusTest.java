package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.engine.Identity;
import dev.runner.store.NewRun;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTest {

  @TempDir Path home;

  private Cli cli(String tasks) throws Exception {
    return new Cli(home).config("{" + tasks + "}");
  }

  private static final String OK =
      "\"ok\": {\"type\": \"shell\", \"every\": \"1h\", \"command\": \"echo fine\"}";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Cli.Result result) throws Exception {
    return new ObjectMapper().readValue(result.out(), Map.class);
  }

  @Test
  void a_home_that_ticked_a_moment_ago_with_nothing_wrong_is_all_well() throws Exception {
    Cli cli = cli(OK);
    assertThat(cli.run("tick").code()).isZero();

    Cli.Result status = cli.at("2026-11-23T10:01:30Z").run("status");
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out())
        .contains("last pass 2026-11-23 10:00:00 (90 s ago)")
        .contains("daemon    none")
        .contains("all well")
        .doesNotContain("needs attention");
  }

  @Test
  void a_home_no_tick_ever_passed_over_asks_whether_cron_calls_runner() throws Exception {
    Cli.Result status = cli(OK).run("status");
    assertThat(status.code()).as(status.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(status.out())
        .contains("last pass never")
        .contains("is cron calling `runner tick`?")
        .contains("runner install cron");
  }

  @Test
  void a_last_pass_older_than_three_minutes_is_told_with_its_age() throws Exception {
    Cli cli = cli(OK);
    assertThat(cli.run("tick").code()).isZero();
    assertThat(cli.run("status", "--now", "2026-11-23T10:03:00Z").code()).isZero();

    Cli.Result stale = cli.run("status", "--now", "2026-11-23T10:05:00Z");
    assertThat(stale.code()).as(stale.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(stale.out()).contains("the last pass was 5 min ago: is cron calling `runner tick`?");
  }

  @Test
  void a_failed_task_is_shown_with_its_message_and_the_retry_it_waits_for() throws Exception {
    Cli cli =
        cli(
            OK
                + ", \"flaky\": {\"type\": \"shell\", \"every\": \"1h\","
                + " \"retries\": {\"max\": 2, \"backoff\": \"5m\"},"
                + " \"command\": \"echo the mirror is down; exit 2\"}");
    assertThat(cli.run("tick").code()).isZero(); // not final: a retry is ahead

    Cli.Result status = cli.at("2026-11-23T10:01:00Z").run("status");
    assertThat(status.code()).as(status.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(status.out())
        .contains("failing (the latest outcome)")
        .containsPattern("flaky +technical_failure +\\d+ +2026-11-23 10:00:\\d\\d +exit code 2")
        .contains("retries waiting")
        .containsPattern("flaky +2026-11-23 10:00:00 +2 +2026-11-23 10:05:\\d\\d")
        .containsPattern(
            "- flaky failed last time; `runner logs \\d+` and `runner history --task flaky`");
    assertThat(status.out()).doesNotContainPattern("(?m)^ok +");

    Map<String, Object> json = json(cli.run("status", "--json"));
    assertThat((List<?>) json.get("failing"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(((Map<?, ?>) f).get("task")).isEqualTo("flaky");
              assertThat(((Map<?, ?>) f).get("status")).isEqualTo("technical_failure");
            });
    assertThat((List<?>) json.get("retries"))
        .singleElement()
        .satisfies(r -> assertThat(((Map<?, ?>) r).get("attempt")).isEqualTo(2));
    assertThat((List<?>) json.get("attention"))
        .extracting(a -> ((Map<?, ?>) a).get("kind") + ":" + ((Map<?, ?>) a).get("task"))
        .containsExactly("task_failing:flaky");
  }

  @Test
  void running_rows_show_whether_their_owner_lives() throws Exception {
    Cli cli = cli(OK);
    assertThat(cli.run("tick").code()).isZero();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      running(store, "held", ProcessHandle.current().pid());
      running(store, "orphan", gone.pid());
    }

    Cli.Result status = cli.at("2026-11-23T10:01:00Z").run("status");
    assertThat(status.code()).as(status.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(status.out())
        .containsPattern("held +2026-11-23 10:00:30 +30.0s +\\S+ +\\d+ +alive")
        .containsPattern("orphan +2026-11-23 10:00:30 +30.0s +\\S+ +\\d+ +gone")
        .contains("- orphan is recorded as running but its runner process is gone")
        .doesNotContain("- held");
  }

  @Test
  void a_dependent_shows_its_outcomes_and_a_task_at_max_executions_no_next_fire() throws Exception {
    Cli cli =
        cli(
            "\"up\": {\"type\": \"shell\", \"every\": \"1h\", \"max_executions\": 1,"
                + " \"command\": \"true\"},"
                + " \"down\": {\"type\": \"shell\", \"depends_on\": [\"up\"],"
                + " \"command\": \"exit 1\"}");
    assertThat(cli.run("tick").code()).isEqualTo(ExitCode.TASK_FAILED);

    Cli.Result list = cli.at("2026-11-23T10:30:00Z").run("list");
    assertThat(list.out())
        .containsPattern("(?m)^up +yes +shell +every 1h +- +success +1/0")
        .containsPattern("(?m)^down +yes +shell +.* business_failure +0/1");
    Cli.Result status =
        cli.at("2026-11-23T10:30:00Z").run("status", "--now", "2026-11-23T10:01:00Z");
    assertThat(status.out()).contains("- down failed last time");
  }

  @Test
  void list_shows_a_task_with_a_run_in_progress_as_running() throws Exception {
    Cli cli = cli(OK);
    assertThat(cli.run("tick").code()).isZero();
    assertThat(cli.run("list").out()).containsPattern("(?m)^ok +yes .* success +1/0");
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      running(store, "ok", ProcessHandle.current().pid());
    }

    assertThat(cli.run("list").out()).containsPattern("(?m)^ok +yes .* running +1/0");
    List<?> json = new ObjectMapper().readValue(cli.run("list", "--json").out(), List.class);
    assertThat(json)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(((Map<?, ?>) t).get("running")).isEqualTo(true);
              assertThat(((Map<?, ?>) t).get("last_status")).isEqualTo("success");
            });
  }

  private static void running(Store store, String task, long pid) {
    Instant at = Instant.parse("2026-11-23T10:00:30Z");
    store.inTransaction(
        tx ->
            tx.insert(
                new NewRun(task, RunStatus.RUNNING, at, at, Trigger.MANUAL, 1, "{}"),
                Identity.current().host(),
                pid));
  }

  @Test
  void an_invalid_configuration_is_listed_and_the_rest_of_the_status_still_shown()
      throws Exception {
    Cli cli = cli(OK);
    assertThat(cli.run("tick").code()).isZero();
    cli.config(
        "{\"ok\": {\"type\": \"shell\", \"every\": \"1h\", \"command\": \"true\"},"
            + " \"bad\": {\"type\": \"shell\", \"cron\": \"61 * * * *\", \"command\": \"true\"}}");

    Cli.Result status = cli.at("2026-11-23T10:01:00Z").run("status");
    assertThat(status.code()).as(status.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(status.out())
        .contains("last pass 2026-11-23 10:00:00")
        .contains("invalid tasks: they do not run until fixed, the others do")
        .contains("tasks_config.json:1:")
        .contains("bad.cron")
        .contains("- bad is invalid and does not run");
    Map<String, Object> json = json(cli.run("status", "--json"));
    assertThat((List<?>) json.get("invalid"))
        .singleElement()
        .satisfies(t -> assertThat(((Map<?, ?>) t).get("task")).isEqualTo("bad"));

    cli.config("{\"ok\": {\"type\": \"shell\",");
    Cli.Result refused = cli.at("2026-11-23T10:01:00Z").run("status");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(refused.out())
        .contains("last pass 2026-11-23 10:00:00")
        .contains("configuration: no task runs until these are fixed")
        .contains("problem in the configuration (above); `runner validate` explains each");
  }

  @Test
  void a_state_ahead_of_the_clock_is_told_with_the_way_back() throws Exception {
    Cli cli = cli(OK);
    assertThat(cli.run("tick").code()).isZero();

    Cli.Result status = cli.run("status", "--now", "2026-11-23T09:00:00Z");
    assertThat(status.code()).as(status.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(status.out())
        .contains("ok: its state is")
        .contains("`runner state reset ok` brings it back");
    assertThat(Files.exists(home.resolve("locks").resolve("pass"))).isTrue();
  }
}
