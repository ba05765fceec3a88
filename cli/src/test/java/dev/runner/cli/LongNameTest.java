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

/** A task name too long for a file name neither passes validate nor wedges a home. */
class LongNameTest {

  static final String LONG = "x".repeat(300);

  @TempDir Path home;

  @Test
  void validate_refuses_a_name_over_64_characters_with_its_position() throws Exception {
    Cli cli =
        new Cli(home).config("{\"" + LONG + "\": {\"type\": \"shell\", \"command\": \"true\"}}");
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).as(validate.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(validate.err()).contains("tasks_config.json:1:2:").contains("at most 64 characters");
  }

  @Test
  void a_running_row_of_a_long_named_task_with_a_dead_owner_is_swept_and_the_rest_runs()
      throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                "{\"hello\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"echo hi\"}}");
    assertThat(cli.at("2026-11-23T10:00:01Z").run("tick").code()).isZero();
    // what an earlier runner left: a long-named task's run whose process died
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      long id =
          store
              .inTransaction(
                  tx ->
                      tx.insert(
                          new NewRun(
                              LONG,
                              RunStatus.RUNNING,
                              Instant.parse("2026-11-23T10:00:30Z"),
                              Instant.parse("2026-11-23T10:00:30Z"),
                              Trigger.SCHEDULE,
                              1,
                              "{}"),
                          Identity.current().host(),
                          Integer.MAX_VALUE))
              .orElseThrow();
      Cli.markStarted(home, id); // it began: a crash, not a run that never started
    }
    Cli.Result tick = cli.at("2026-11-23T10:01:01Z").run("tick");
    assertThat(tick.code()).as(tick.toString()).isZero();
    assertThat(cli.history("--task", LONG))
        .extracting(r -> r.get("status"))
        .containsExactly("crashed");
    assertThat(cli.history("--task", "hello"))
        .extracting(r -> r.get("status"))
        .containsExactly("success", "success");
  }
}
