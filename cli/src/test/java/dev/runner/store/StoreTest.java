package dev.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

  @TempDir Path dir;

  static final Instant FIRE = Instant.parse("2026-11-23T10:00:00Z");

  NewRun claim(String task) {
    return new NewRun(task, RunStatus.RUNNING, FIRE, FIRE, "schedule", 1, "{}");
  }

  @Test
  void a_new_database_is_owner_only_in_wal_mode_with_full_sync() throws Exception {
    Path file = dir.resolve("sub/task_log.db");
    try (Store store = Store.open(file)) {
      assertThat(store.states()).isEmpty();
      assertThat(store.synchronous()).as("PRAGMA synchronous (2 = FULL)").isEqualTo(2);
      // a light transaction relaxes it for its own commit only
      store.inLightTransaction(tx -> tx.states());
      assertThat(store.synchronous()).as("PRAGMA synchronous after a light commit").isEqualTo(2);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      assertThat(mode.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void a_fire_can_be_claimed_once_across_connections() {
    Path file = dir.resolve("task_log.db");
    try (Store one = Store.open(file);
        Store two = Store.open(file)) {
      Optional<Long> first = one.inTransaction(tx -> tx.insert(claim("a"), "h1", 1));
      Optional<Long> second = two.inTransaction(tx -> tx.insert(claim("a"), "h2", 2));
      assertThat(first).isPresent();
      assertThat(second).isEmpty();
      Optional<Long> other = two.inTransaction(tx -> tx.insert(claim("b"), "h2", 2));
      assertThat(other).isPresent();
    }
  }

  @Test
  void finishing_a_run_updates_its_row_and_the_tasks_counts_together() {
    try (Store store = Store.open(dir.resolve("task_log.db"))) {
      long id =
          store.inTransaction(
              tx -> {
                tx.ensureState("a", FIRE);
                return tx.insert(claim("a"), "h", 1).orElseThrow();
              });
      store.finish(
          id,
          new RunEnd(
              RunStatus.TECHNICAL_FAILURE,
              FIRE,
              FIRE.plusSeconds(3),
              3.0,
              "{\"exit_code\":2}",
              true));
      RunRecord row = store.find(id).orElseThrow();
      assertThat(row.status()).isEqualTo(RunStatus.TECHNICAL_FAILURE);
      assertThat(row.duration()).isEqualTo(3.0);
      assertThat(row.runTime()).isEqualTo(FIRE);
      assertThat(row.message()).isEqualTo("{\"exit_code\":2}");
      TaskState state = store.states().get("a");
      assertThat(state.failures()).isEqualTo(1);
      assertThat(state.lastStatus()).isEqualTo(RunStatus.TECHNICAL_FAILURE);
      assertThat(store.history(new HistoryQuery("a", Set.of(RunStatus.SUCCESS), null, 10, 0)))
          .isEmpty();
    }
  }

  @Test
  void reopening_keeps_everything_and_a_newer_schema_is_refused() throws Exception {
    Path file = dir.resolve("task_log.db");
    try (Store store = Store.open(file)) {
      store.inTransaction(tx -> tx.insert(claim("a"), "h", 1));
    }
    try (Store store = Store.open(file)) {
      assertThat(store.history(new HistoryQuery(null, Set.of(), null, 10, 0))).hasSize(1);
    }
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA user_version = 99");
    }
    assertThatThrownBy(() -> Store.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99, newer than this runner knows");
  }
}
