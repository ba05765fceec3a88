package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import dev.runner.store.postgres.PostgresStore;
import dev.runner.store.postgres.PostgresUrl;
import dev.runner.store.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Homes whose RUNNER_DB names a PostgreSQL database, through the packaged jar against a real
 * server: every command works as on SQLite and no database file appears; two hosts on one database
 * claim each fire once between them.
 */
class PostgresHomeIT {

  @TempDir Path dir;

  static final String SECRET = "pg-Pa55word-4242";

  PackagedJar home(String name, PostgresUrl db, String config) throws Exception {
    Path home = Files.createDirectories(dir.resolve(name));
    Files.writeString(
        home.resolve(".env"),
        "RUNNER_DB="
            + db.display()
            + "\nRUNNER_HOST_ID="
            + name
            + "\nRUNNER_DB_PASSWORD="
            + SECRET
            + "\n");
    Files.setPosixFilePermissions(
        home.resolve(".env"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    PackagedJar jar = new PackagedJar(home);
    jar.config(config);
    return jar;
  }

  static List<RunRecord> rows(PostgresUrl db) {
    try (Store store = PostgresStore.connect(db, null)) {
      return store.history(new HistoryQuery(null, Set.of(), null, 10_000, 0));
    }
  }

  @Test
  void a_home_on_postgresql_runs_lists_shows_history_and_checks_with_no_database_file()
      throws Exception {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    PackagedJar jar =
        home("nas", db, "{\"hello\": {\"type\": \"shell\", \"command\": \"echo 你好\"}}");
    PackagedJar.Ran run = jar.exec("run", "hello");
    assertThat(run.code()).as(run.toString()).isZero();
    PackagedJar.Ran history = jar.exec("history", "--json");
    assertThat(history.code()).as(history.toString()).isZero();
    assertThat(history.out()).contains("\"status\" : \"success\"").contains("\"host\" : \"nas\"");
    assertThat(rows(db)).singleElement().satisfies(r -> assertThat(r.host()).isEqualTo("nas"));
    PackagedJar.Ran check = jar.exec("db", "check");
    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.out())
        .contains("database  " + db.display())
        .contains("state     ok")
        .contains("runs      1");
    assertThat(jar.exec("list").out()).contains("hello");
    assertThat(jar.home.resolve("task_log.db")).doesNotExist();
    PackagedJar.Ran init = jar.exec("db", "init");
    assertThat(init.code()).isEqualTo(2);
    assertThat(init.err()).contains("PostgreSQL database").contains("createdb");
    for (PackagedJar.Ran said : List.of(run, history, check)) {
      assertThat(said.out() + said.err()).doesNotContain(SECRET);
    }
  }

  @Test
  void an_unreachable_server_is_said_with_what_to_check() throws Exception {
    PostgresUrl nowhere = PostgresUrl.parse("postgresql://runner@127.0.0.1:1/runner");
    PackagedJar jar =
        home("vm", nowhere, "{\"hello\": {\"type\": \"shell\", \"command\": \"true\"}}");
    PackagedJar.Ran check = jar.exec("db", "check");
    assertThat(check.code()).as(check.toString()).isEqualTo(5);
    assertThat(check.out()).contains("UNREACHABLE").contains("RUNNER_DB_PASSWORD");
    PackagedJar.Ran bad = jar.exec("validate");
    assertThat(bad.code()).isZero();
    Files.writeString(jar.home.resolve(".env"), "RUNNER_DB=postgresql://runner:pw@db/runner\n");
    PackagedJar.Ran refused = jar.exec("validate");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.out() + refused.err()).contains("RUNNER_DB").contains("RUNNER_DB_PASSWORD");
  }

  @Test
  void two_hosts_ticking_at_once_on_one_database_run_each_fire_once_with_no_gap() throws Exception {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    StringBuilder config = new StringBuilder("{");
    for (int i = 0; i < 20; i++) {
      config
          .append(i == 0 ? "" : ",")
          .append("\"t")
          .append(i)
          .append("\": {\"type\": \"shell\",")
          .append(" \"every\": \"1m\", \"command\": \"true\"}");
    }
    config.append("}");
    List<PackagedJar> hosts =
        List.of(home("a", db, config.toString()), home("b", db, config.toString()));
    Instant first = Instant.parse("2026-12-01T10:00:30Z");
    for (int minute = 0; minute < 3; minute++) {
      String now = first.plusSeconds(60L * minute).toString();
      List<Process> ticks = new ArrayList<>();
      for (PackagedJar host : hosts) {
        ticks.add(host.start("tick", "--now", now));
      }
      for (Process tick : ticks) {
        assertThat(tick.waitFor()).isZero();
      }
    }
    List<RunRecord> rows = rows(db);
    Map<String, Long> perFire =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.taskName() + "@" + r.scheduledFor() + "#" + r.attempt(),
                    Collectors.counting()));
    assertThat(perFire.values()).as("no fire twice").allMatch(n -> n == 1);
    Map<String, List<Instant>> fires = new HashMap<>();
    rows.forEach(
        r -> fires.computeIfAbsent(r.taskName(), k -> new ArrayList<>()).add(r.scheduledFor()));
    assertThat(fires).hasSize(20);
    for (List<Instant> each : fires.values()) {
      assertThat(each)
          .as("each minute's fire, none missing")
          .containsExactlyInAnyOrder(
              Instant.parse("2026-12-01T10:00:00Z"),
              Instant.parse("2026-12-01T10:01:00Z"),
              Instant.parse("2026-12-01T10:02:00Z"));
    }
    assertThat(rows).allMatch(r -> r.status() == dev.runner.store.RunStatus.SUCCESS);
    assertThat(rows.stream().map(RunRecord::host).collect(Collectors.toSet()))
        .isSubsetOf(Set.of("a", "b"));
  }
}
