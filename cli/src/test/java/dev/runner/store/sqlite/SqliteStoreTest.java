package dev.runner.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runner.store.HistoryQuery;
import dev.runner.store.NewRun;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import dev.runner.store.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store does: its file, its pragmas, its schema in {@code user_version}. */
class SqliteStoreTest {

  @TempDir Path dir;

  static final Instant FIRE = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void a_new_database_is_owner_only_in_wal_mode_with_full_sync() throws Exception {
    Path file = dir.resolve("sub/task_log.db");
    try (SqliteStore store = SqliteStore.connect(file)) {
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
  void processes_opening_one_new_database_at_once_each_get_it_migrated_once() throws Exception {
    // a tick from cron and runner web started in the same second, on a home with no database yet
    for (int round = 0; round < 50; round++) {
      Path file = dir.resolve("race-" + round + ".db");
      int openers = 4;
      CyclicBarrier start = new CyclicBarrier(openers);
      ExecutorService pool = Executors.newFixedThreadPool(openers);
      try {
        List<Future<Integer>> versions = new ArrayList<>();
        for (int i = 0; i < openers; i++) {
          versions.add(
              pool.submit(
                  () -> {
                    start.await();
                    try (Store store = SqliteStore.connect(file)) {
                      return store.schemaVersion();
                    }
                  }));
        }
        for (Future<Integer> version : versions) {
          assertThat(version.get(60, TimeUnit.SECONDS)).isEqualTo(SqliteStore.knownSchemaVersion());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void a_kept_count_follows_rows_another_connection_and_this_one_write() throws Exception {
    Path file = dir.resolve("task_log.db");
    HistoryQuery all = new HistoryQuery(null, null, null, 50, 0);
    HistoryQuery failed = new HistoryQuery(null, java.util.Set.of(RunStatus.TIMEOUT), null, 50, 0);
    try (Store reader = SqliteStore.connect(file);
        Store writer = SqliteStore.connect(file)) {
      assertThat(reader.countHistory(all)).isZero();
      insert(writer, "a", FIRE);
      assertThat(reader.countHistory(all)).as("after another connection's insert").isEqualTo(1);
      assertThat(reader.countHistory(failed)).isZero();
      insert(reader, "b", FIRE.plusSeconds(60));
      assertThat(reader.countHistory(all)).as("after its own insert").isEqualTo(2);
      assertThat(reader.countHistory(new HistoryQuery(null, null, null, 50, 50)))
          .as("the same filters, another page")
          .isEqualTo(2);
      assertThat(writer.countHistory(all)).isEqualTo(2);
    }
  }

  private static void insert(Store store, String task, Instant at) {
    store.inTransaction(
        tx ->
            tx.insert(
                new NewRun(task, RunStatus.RUNNING, at, at, Trigger.MANUAL, 1, "{}"), "h", 1));
  }

  @Test
  void a_newer_schema_is_refused() throws Exception {
    Path file = dir.resolve("task_log.db");
    try (Store store = SqliteStore.connect(file)) {
      assertThat(store.schemaVersion()).isEqualTo(SqliteStore.knownSchemaVersion());
    }
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA user_version = 99");
    }
    assertThatThrownBy(() -> SqliteStore.connect(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99, newer than this runner knows");
  }

  @Test
  void read_only_it_reads_what_is_there_and_makes_nothing() throws Exception {
    Path file = dir.resolve("task_log.db");
    assertThatThrownBy(() -> SqliteStore.connectReadOnly(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot read the database");
    assertThat(file).doesNotExist();
    try (Store store = SqliteStore.connect(file)) {
      store.inTransaction(
          tx ->
              tx.insert(
                  new NewRun("a", RunStatus.RUNNING, FIRE, FIRE, Trigger.MANUAL, 1, "{}"), "h", 1));
    }
    try (Store store = SqliteStore.connectReadOnly(file)) {
      assertThat(store.history(new HistoryQuery(null, null, null, 10, 0))).hasSize(1);
      assertThatThrownBy(
              () -> store.enqueueRetry(new dev.runner.store.PendingRetry("a", FIRE, 2, FIRE)))
          .isInstanceOf(StoreException.class);
    }
  }
}
