package dev.runner.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runner.store.HistoryQuery;
import dev.runner.store.NewRun;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import dev.runner.store.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL store has to get right: several hosts opening one new database. */
class PostgresStoreTest {

  @Test
  void four_processes_opening_a_new_database_at_once_migrate_it_once() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        PostgresUrl db = TestPostgres.shared().newDatabase();
        List<Future<Integer>> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          Callable<Integer> open =
              () -> {
                try (Store store = PostgresStore.connect(db, null)) {
                  return store.schemaVersion();
                }
              };
          opened.add(pool.submit(open));
        }
        for (Future<Integer> version : opened) {
          assertThat(version.get()).isEqualTo(PostgresStore.knownSchemaVersion());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_server_that_stops_is_said_unavailable_and_the_store_goes_on_once_it_is_back() {
    TestPostgres server = TestPostgres.shared();
    PostgresUrl db = server.newDatabase();
    try (Store store = PostgresStore.connect(db, null)) {
      store.beat("nas", 1, "0.1.0");
      server.stop();
      try {
        assertThatThrownBy(() -> store.beat("nas", 1, "0.1.0"))
            .isInstanceOfSatisfying(
                StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE));
        assertThatThrownBy(store::schemaVersion)
            .as("still down: a new connection is refused, said the same way")
            .isInstanceOfSatisfying(
                StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE));
      } finally {
        server.start();
      }
      store.beat("nas", 1, "0.1.0");
      assertThat(store.schemaVersion()).isEqualTo(PostgresStore.knownSchemaVersion());
    }
  }

  @Test
  void a_user_the_server_does_not_know_is_told_to_check_the_user_and_password() {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    PostgresUrl stranger =
        PostgresUrl.parse("postgresql://nobody_here@127.0.0.1:" + db.port() + "/" + db.database());
    assertThatThrownBy(() -> PostgresStore.connect(stranger, "wrong"))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StoreException.Kind.NO_PERMISSION);
              assertThat(e.hint()).contains("RUNNER_DB_PASSWORD");
              assertThat(e.getMessage()).contains(stranger.display()).doesNotContain("wrong");
            });
  }

  @Test
  void a_kept_count_is_made_again_once_another_host_has_written() {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    try (Store web = PostgresStore.connect(db, null);
        Store tick = PostgresStore.connect(db, null)) {
      HistoryQuery all = new HistoryQuery(null, Set.of(), null, 50, 0);
      assertThat(web.countHistory(all)).isZero();
      assertThat(web.countHistory(all)).as("kept while nothing changed").isZero();
      Instant fire = Instant.parse("2026-12-01T10:00:00Z");
      tick.inTransaction(
          tx ->
              tx.insert(
                  new NewRun("job", RunStatus.RUNNING, fire, fire, Trigger.SCHEDULE, 1, "{}"),
                  "vm2",
                  7));
      assertThat(web.countHistory(all)).as("another host's claim seen").isEqualTo(1);
    }
  }
}
