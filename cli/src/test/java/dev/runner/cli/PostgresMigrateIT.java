package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.TaskState;
import dev.runner.store.postgres.PostgresStore;
import dev.runner.store.postgres.PostgresUrl;
import dev.runner.store.postgres.TestPostgres;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runner db migrate} of a SQLite home with 100,000 runs into a real PostgreSQL database,
 * through the packaged jar: the same counts and rows, a second move refused, and the switched home
 * going on from the same watermarks, no fire repeated or lost.
 */
class PostgresMigrateIT {

  @TempDir Path home;

  static final int ROWS = 100_000;

  @Test
  void a_home_of_100000_runs_moves_whole_and_goes_on_where_it_was() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        "{\"job\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"true\"},"
            + " \"old\": {\"type\": \"shell\", \"command\": \"true\"}}");
    Files.writeString(home.resolve(".env"), "RUNNER_HOST_ID=nas\n");
    Files.setPosixFilePermissions(
        home.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
    assertThat(jar.exec("tick", "--now", "2026-12-01T10:00:30Z").code()).isZero();
    assertThat(jar.exec("token", "create", "ci", "--scope", "read").code()).isZero();
    seed(home.resolve("task_log.db"));
    PostgresUrl db = TestPostgres.shared().newDatabase();

    PackagedJar.Ran moved = jar.exec("db", "migrate", "--to", db.display());
    assertThat(moved.code()).as(moved.toString()).isZero();
    assertThat(moved.out())
        .contains("task_logs    " + (ROWS + 1) + " rows")
        .contains("task_state   2 rows")
        .contains("web_tokens   1 rows")
        .contains("the counts match")
        .contains("RUNNER_DB=" + db.display());

    Map<String, TaskState> states;
    try (SqliteStore from = SqliteStore.connect(home.resolve("task_log.db"));
        PostgresStore into = PostgresStore.connect(db, null)) {
      assertThat(into.counts()).isEqualTo(from.counts());
      for (long id : List.of(1L, 2L, 500L, 77_777L, ROWS + 1L)) {
        assertThat(into.find(id)).as("run " + id).isEqualTo(from.find(id));
      }
      assertThat(into.tokens()).isEqualTo(from.tokens());
      assertThat(into.audit(10, 0)).isEqualTo(from.audit(10, 0));
      states = from.states();
      assertThat(into.states()).isEqualTo(states);
    }

    PackagedJar.Ran again = jar.exec("db", "migrate", "--to", db.display());
    assertThat(again.code()).as(again.toString()).isNotZero();
    assertThat(again.err()).contains("not empty").contains("nothing was copied");

    Files.writeString(home.resolve(".env"), "RUNNER_HOST_ID=nas\nRUNNER_DB=" + db.display() + "\n");
    PackagedJar.Ran tick = jar.exec("tick", "--now", "2026-12-01T10:01:30Z");
    assertThat(tick.code()).as(tick.toString()).isZero();
    try (PostgresStore into = PostgresStore.connect(db, null)) {
      List<RunRecord> job = into.history(new HistoryQuery("job", Set.of(), null, 10, 0));
      assertThat(job)
          .extracting(RunRecord::scheduledFor)
          .as("10:00 not run again, 10:01 run once")
          .containsExactly(
              Instant.parse("2026-12-01T10:01:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
      assertThat(job.get(0).id()).as("numbered after the copied runs").isEqualTo(ROWS + 2L);
      assertThat(into.states().get("job").watermark()).isAfter(states.get("job").watermark());
    }
  }

  /** Rows as a year of history leaves them, written straight into the file (fast). */
  static void seed(Path file) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO task_logs (task_name, status, run_time, duration, message,"
                  + " scheduled_for, trigger, attempt, end_time, host, pid, final)"
                  + " VALUES ('old', ?, ?, 1.5, ?, ?, 'schedule', 1, ?, 'nas', 42, 1)")) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < ROWS; i++) {
          String at = dev.runner.store.Instants.format(start.plusSeconds(60L * i));
          insert.setString(1, i % 10 == 0 ? "technical_failure" : "success");
          insert.setString(2, at);
          insert.setString(
              3, "{\"exit_code\":" + (i % 10 == 0 ? 1 : 0) + ",\"note\":\"第" + i + "次\"}");
          insert.setString(4, at);
          insert.setString(5, at);
          insert.addBatch();
          if (i % 5000 == 4999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }
}
