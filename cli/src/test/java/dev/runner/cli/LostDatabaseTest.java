package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home that has run before refuses a missing or empty database instead of starting anew. */
class LostDatabaseTest {

  static final String HELLO =
      "{\"hello\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"echo hi\"}}";

  @TempDir Path home;

  private Cli ranOnce() throws Exception {
    Cli cli = new Cli(home).config(HELLO);
    assertThat(cli.at("2026-11-23T10:00:01Z").run("tick").code()).isZero();
    assertThat(cli.history()).hasSize(1);
    return cli;
  }

  @Test
  void a_truncated_database_is_refused_by_every_command_with_exit_5_and_nothing_runs()
      throws Exception {
    Cli cli = ranOnce();
    Files.write(home.resolve("task_log.db"), new byte[0]);
    for (String[] command :
        new String[][] {{"tick"}, {"run", "hello"}, {"history"}, {"list"}, {"prune"}}) {
      Cli.Result refused = cli.at("2026-11-23T10:01:01Z").run(command);
      assertThat(refused.code()).as(String.join(" ", command) + ": " + refused).isEqualTo(5);
      assertThat(refused.err())
          .contains("task_log.db is empty but this home has run before")
          .contains("logs/runs/")
          .contains("runner db init");
    }
    assertThat(Files.size(home.resolve("task_log.db"))).as("nothing was written").isZero();

    Cli.Result check = cli.run("db", "check");
    assertThat(check.code()).isEqualTo(5);
    assertThat(check.out()).contains("LOST: empty, but the home has run before");
  }

  @Test
  void a_deleted_database_is_refused_and_db_init_starts_over_on_purpose() throws Exception {
    Cli cli = ranOnce();
    Files.delete(home.resolve("task_log.db"));
    Cli.Result refused = cli.at("2026-11-23T10:01:01Z").run("tick");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(5);
    assertThat(refused.err()).contains("task_log.db is missing but this home has run before");
    assertThat(home.resolve("task_log.db")).doesNotExist();

    Cli.Result init = cli.run("db", "init");
    assertThat(init.code()).as(init.toString()).isZero();
    assertThat(init.out()).contains("made an empty database");
    assertThat(cli.at("2026-11-23T10:02:01Z").run("tick").code()).isZero();
    assertThat(cli.history()).hasSize(1);
    Cli.Result again = cli.run("db", "init");
    assertThat(again.code()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err()).contains("exists").contains("move it aside first");
  }

  @Test
  void a_new_home_is_not_taken_for_a_lost_one() throws Exception {
    Cli cli = new Cli(home).config(HELLO);
    Cli.Result check = cli.run("db", "check");
    assertThat(check.code()).isZero();
    assertThat(check.out()).contains("none yet: this home has not run");
    assertThat(cli.at("2026-11-23T10:00:01Z").run("tick").code()).isZero();
    assertThat(cli.history()).hasSize(1);
  }

  @Test
  void db_check_reports_integrity_schema_and_counts_and_a_garbled_file_as_damaged()
      throws Exception {
    Cli cli = ranOnce();
    Cli.Result check = cli.run("db", "check");
    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.out())
        .contains("state     ok (integrity check passed)")
        .containsPattern("schema    version \\d+ \\(this runner: \\d+\\)")
        .contains("runs      1 (first 2026-11-23")
        .contains("tasks     1 with scheduling state")
        .contains("retries   0 queued");

    Files.writeString(home.resolve("task_log.db"), "not a database\n".repeat(100));
    Cli.Result damaged = cli.run("db", "check");
    assertThat(damaged.code()).isEqualTo(5);
    assertThat(damaged.out()).contains("DAMAGED").contains("not a database");
  }
}
