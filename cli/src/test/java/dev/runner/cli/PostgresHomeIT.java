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
      List<Path> errs = new ArrayList<>();
      for (PackagedJar host : hosts) {
        Path err = dir.resolve("err-" + host.home.getFileName() + "-" + minute);
        errs.add(err);
        ticks.add(host.start(dir.resolve("out-" + minute), err, "tick", "--now", now));
      }
      for (int i = 0; i < ticks.size(); i++) {
        assertThat(ticks.get(i).waitFor()).as(Files.readString(errs.get(i))).isZero();
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
    PackagedJar.Ran seen = hosts.get(0).exec("hosts");
    assertThat(seen.code()).as(seen.toString()).isZero();
    assertThat(seen.out()).startsWith("HOST").contains("LAST SEEN").containsPattern("(?m)^a ");
    assertThat(seen.out()).as("both ticked: both seen").containsPattern("(?m)^b ");
    assertThat(hosts.get(1).exec("hosts", "--json").out())
        .contains("\"host\" : \"a\"")
        .contains("\"live_processes\" : 0");
  }

  /** The rows of the database's first fire of {@code task}, by attempt. */
  static List<RunRecord> firstFire(PostgresUrl db, String task) {
    List<RunRecord> all = new ArrayList<>(rows(db));
    all.removeIf(r -> !r.taskName().equals(task));
    Instant first = all.stream().map(RunRecord::scheduledFor).min(Instant::compareTo).orElseThrow();
    all.removeIf(r -> !r.scheduledFor().equals(first));
    all.sort(java.util.Comparator.comparingInt(RunRecord::attempt));
    return all;
  }

  static void silent(PackagedJar jar) throws Exception {
    Files.writeString(
        jar.home.resolve(".env"),
        Files.readString(jar.home.resolve(".env")) + "RUNNER_DEAD_AFTER=3s\n");
  }

  @Test
  void a_host_killed_mid_run_is_recorded_crashed_by_another_and_its_retry_runs_once()
      throws Exception {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    Path marker = dir.resolve("began");
    String config =
        "{\"long\": {\"type\": \"shell\", \"every\": \"1h\", \"retries\": {\"max\": 1,"
            + " \"backoff\": \"1s\"}, \"command\": \"[ -f "
            + marker
            + " ] && exit 0; touch "
            + marker
            + "; sleep 60\"}}";
    PackagedJar a = home("a", db, config);
    PackagedJar b = home("b", db, config);
    silent(a);
    silent(b);
    Process tick = a.start("tick");
    PackagedJar.awaitTrue(
        "a's run under way",
        java.time.Duration.ofSeconds(30),
        () -> java.nio.file.Files.exists(marker));
    assertThat(firstFire(db, "long").get(0).host()).isEqualTo("a");
    tick.destroyForcibly().waitFor(); // kill -9: no beat, no outcome, ever again
    Instant killed = Instant.now();
    try {
      ticksUntil(
          b,
          "b to record a's run crashed",
          java.time.Duration.ofSeconds(3 + 15),
          () -> firstFire(db, "long").get(0).status() == dev.runner.store.RunStatus.CRASHED);
      java.time.Duration took = java.time.Duration.between(killed, Instant.now());
      ticksUntil(
          b,
          "the retry",
          java.time.Duration.ofSeconds(30),
          () ->
              firstFire(db, "long").size() == 2
                  && firstFire(db, "long").get(1).status() == dev.runner.store.RunStatus.SUCCESS);
      b.exec("tick");
      List<RunRecord> fire = firstFire(db, "long");
      assertThat(fire).as("the crash and one retry").hasSize(2);
      assertThat(fire.get(0).message()).contains("host a").contains("stopped beating");
      assertThat(fire.get(1).host()).isEqualTo("b");
      assertThat(took)
          .as("crashed within RUNNER_DEAD_AFTER + 15 s")
          .isLessThan(java.time.Duration.ofSeconds(18));
    } finally {
      // the dead host's task goes on: nobody on "host b" may stop it, so the test does (it may
      // have died before it could record its process group)
      ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().orElse("").contains(marker.toString()))
          .forEach(
              p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
              });
    }
  }

  @Test
  void a_frozen_owner_that_wakes_after_the_takeover_records_nothing_over_it() throws Exception {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    Path gate = dir.resolve("gate");
    assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
    // the task waits for the test to open the gate: it ends when the test says, not after a time
    String config =
        "{\"slow\": {\"type\": \"shell\", \"command\": \"read word < " + gate + "; echo $word\"}}";
    PackagedJar a = home("a", db, config);
    PackagedJar b = home("b", db, config);
    silent(a);
    silent(b);
    Process run = a.start("run", "slow");
    PackagedJar.awaitTrue(
        "a's run under way",
        java.time.Duration.ofSeconds(30),
        () -> !rows(db).isEmpty() && rows(db).get(0).childPid() != null);
    long pid = run.pid();
    assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor()).isZero();
    try {
      ticksUntil(
          b,
          "b to take the frozen run over",
          java.time.Duration.ofSeconds(3 + 15),
          () -> rows(db).get(0).status() == dev.runner.store.RunStatus.CRASHED);
    } finally {
      new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start().waitFor();
    }
    Files.writeString(gate, "awake\n");
    assertThat(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    RunRecord row = rows(db).get(0);
    assertThat(row.status())
        .as("the takeover stands")
        .isEqualTo(dev.runner.store.RunStatus.CRASHED);
    assertThat(row.message()).doesNotContain("awake");
    assertThat(Files.readString(a.home.resolve("logs/task.log")))
        .contains("was taken over while this process was silent")
        .contains("is not recorded");
  }

  @Test
  void a_database_outage_is_logged_waited_out_and_followed_by_no_double_run_and_no_lost_record()
      throws Exception {
    TestPostgres server = TestPostgres.shared();
    PostgresUrl db = server.newDatabase();
    String config =
        "{\"often\": {\"type\": \"shell\", \"cron\": \"*/2 * * * * *\", \"command\": \"true\"}}";
    PackagedJar a = home("a", db, config);
    PackagedJar b = home("b", db, config);
    silent(a);
    Process daemon = a.start(dir.resolve("daemon.out"), "daemon", "--grace", "1s");
    java.time.Duration deadline = java.time.Duration.ofSeconds(60);
    Path log = a.home.resolve("logs/task.log");
    try {
      PackagedJar.awaitTrue("two runs", deadline, () -> rows(db).size() >= 2);
      server.stop();
      try {
        PackagedJar.awaitTrue(
            "the daemon to notice",
            deadline,
            () -> read(log).contains("heartbeat: cannot reach the database"));
        PackagedJar.Ran tick = b.exec("tick");
        assertThat(tick.code()).as(tick.toString()).isEqualTo(5);
        assertThat(tick.err()).contains("does not answer");
        PackagedJar.awaitTrue(
            "a pass to fail", deadline, () -> read(log).contains("a pass failed"));
      } finally {
        server.start();
      }
      int before = rows(db).size();
      PackagedJar.awaitTrue("runs again", deadline, () -> rows(db).size() >= before + 2);
      PackagedJar.awaitTrue(
          "the beat back", deadline, () -> read(log).contains("the database answers again"));
    } finally {
      daemon.destroy();
      assertThat(daemon.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    List<RunRecord> rows = rows(db);
    assertThat(rows.stream().map(r -> r.scheduledFor() + "#" + r.attempt()).distinct())
        .as("no fire twice")
        .hasSize(rows.size());
    assertThat(rows)
        .as("every run recorded: none left running")
        .noneMatch(r -> r.status() == dev.runner.store.RunStatus.RUNNING);
  }

  /** The host ticks, as cron would, until the condition holds; the deadline bounds a failure. */
  static void ticksUntil(
      PackagedJar host,
      String what,
      java.time.Duration deadline,
      java.util.function.BooleanSupplier done)
      throws InterruptedException {
    PackagedJar.awaitTrue(
        what,
        deadline,
        () -> {
          try {
            host.exec("tick");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return done.getAsBoolean();
        });
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void three_runners_ticks_and_daemons_mixed_run_every_fire_of_a_minute_once_with_no_gap()
      throws Exception {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    StringBuilder config =
        new StringBuilder(
            "{\"often\": {\"type\": \"shell\", \"cron\": \"*/2 * * * * *\", \"command\": \"true\"}");
    for (int i = 0; i < 20; i++) {
      config
          .append(", \"t")
          .append(i)
          .append("\": {\"type\": \"shell\", \"every\": \"1m\",")
          .append(" \"command\": \"true\"}");
    }
    config.append("}");
    PackagedJar a = home("a", db, config.toString());
    PackagedJar b = home("b", db, config.toString());
    PackagedJar c = home("c", db, config.toString());
    Process daemonA = a.start(dir.resolve("a.out"), "daemon", "--grace", "1s");
    Process daemonB = b.start(dir.resolve("b.out"), "daemon", "--grace", "1s");
    Instant begin = Instant.now();
    Instant end = begin.plusSeconds(60);
    // host c is cron's: a tick whenever the last one ended, for the same minute
    while (Instant.now().isBefore(end)) {
      assertThat(c.exec("tick").code()).isZero();
    }
    daemonA.destroy();
    daemonB.destroy();
    assertThat(daemonA.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(daemonB.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    List<RunRecord> rows = rows(db);
    assertThat(
            rows.stream()
                .map(r -> r.taskName() + "@" + r.scheduledFor() + "#" + r.attempt())
                .distinct())
        .as("no fire twice")
        .hasSize(rows.size());
    List<Instant> often =
        rows.stream()
            .filter(
                r ->
                    r.taskName().equals("often")
                        && r.status() != dev.runner.store.RunStatus.SKIPPED)
            .map(RunRecord::scheduledFor)
            .sorted()
            .toList();
    assertThat(often.size()).as("a fire every 2 s for about a minute").isGreaterThan(20);
    for (int i = 1; i < often.size(); i++) {
      assertThat(java.time.Duration.between(often.get(i - 1), often.get(i)))
          .as("no gap after " + often.get(i - 1))
          .isEqualTo(java.time.Duration.ofSeconds(2));
    }
    assertThat(rows).noneMatch(r -> r.status() == dev.runner.store.RunStatus.RUNNING);
    assertThat(rows).noneMatch(r -> r.status() == dev.runner.store.RunStatus.CRASHED);
    assertThat(
            rows.stream()
                .filter(r -> r.taskName().startsWith("t"))
                .map(RunRecord::taskName)
                .distinct())
        .hasSize(20);
    assertThat(rows.stream().map(RunRecord::host).collect(Collectors.toSet()))
        .hasSizeGreaterThan(1);
  }

  @Test
  void a_host_whose_clock_is_five_minutes_ahead_runs_no_fire_twice_and_crashes_no_run()
      throws Exception {
    PostgresUrl db = TestPostgres.shared().newDatabase();
    Path gate = dir.resolve("gate");
    assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
    String config =
        "{\"job\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"true\"},"
            + " \"slow\": {\"type\": \"shell\", \"command\": \"read w < "
            + gate
            + "\"}}";
    PackagedJar a = home("a", db, config);
    PackagedJar b = home("b", db, config);
    silent(a);
    silent(b);
    Process run = a.start("run", "slow");
    PackagedJar.awaitTrue(
        "a's run under way",
        java.time.Duration.ofSeconds(30),
        () -> rows(db).stream().anyMatch(r -> r.taskName().equals("slow") && r.childPid() != null));
    Instant now = Instant.parse("2026-12-01T10:00:30Z");
    for (int minute = 0; minute < 4; minute++) {
      Instant at = now.plusSeconds(60L * minute);
      // b's clock five minutes ahead of a's: it ticks "later" each time a does
      assertThat(a.exec("tick", "--now", at.toString()).code()).isZero();
      PackagedJar.Ran ahead = b.exec("tick", "--now", at.plusSeconds(300).toString());
      assertThat(ahead.code()).as(ahead.toString()).isZero();
    }
    List<RunRecord> rows = rows(db);
    assertThat(
            rows.stream()
                .filter(r -> r.taskName().equals("job"))
                .map(r -> r.scheduledFor() + "#" + r.attempt())
                .distinct())
        .as("no fire of job twice")
        .hasSize((int) rows.stream().filter(r -> r.taskName().equals("job")).count());
    assertThat(rows.stream().filter(r -> r.taskName().equals("slow")).toList())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.status())
                    .as("alive: no false crash")
                    .isEqualTo(dev.runner.store.RunStatus.RUNNING));
    PackagedJar.Ran status = b.exec("status", "--json");
    assertThat(status.out())
        .as("b tells a's run alive by its beat")
        .contains("\"host\" : \"a\"")
        .contains("\"owner_alive\" : true");
    Files.writeString(gate, "go\n");
    assertThat(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(rows(db).stream().filter(r -> r.taskName().equals("slow")).toList())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(dev.runner.store.RunStatus.SUCCESS));
  }
}
