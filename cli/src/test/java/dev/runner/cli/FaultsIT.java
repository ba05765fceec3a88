package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected under the packaged jar: a full disk at claim, output and record time, the
 * database's lock held across a run's end, a damaged database, a read-only home, {@code kill -9}
 * with runs still queued. After each, the promises hold: no run executed twice, no finished run
 * recorded as crashed, no row left {@code running} without a live owner, every failure explained.
 */
class FaultsIT {

  @TempDir Path dir;
  Path home;
  Path ledger;
  Path go;
  PackagedJar jar;
  Path mounted;

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(dir.resolve("home"));
    useHome(home);
    ledger = dir.resolve("ledger.txt");
    go = dir.resolve("go");
  }

  private void useHome(Path at) {
    home = at;
    jar = new PackagedJar(at, dir);
  }

  /** A task that writes a ledger line when it starts and, when told, waits for {@code go}. */
  private String task(String name, boolean waits, String extra) {
    return "\""
        + name
        + "\": {\"type\": \"shell\", \"cron\": \"* * * * *\""
        + extra
        + ", \"command\": \"echo $RUNNER_TASK $RUNNER_SCHEDULED_TIME $RUNNER_ATTEMPT >> "
        + ledger
        + (waits ? "; while [ ! -f " + go + " ]; do sleep 0.05; done" : "")
        + "\"}";
  }

  /**
   * The tasks, seen once by a tick before their first fire (a cron task's first sight runs none).
   */
  private void config(String... tasks) throws Exception {
    jar.config("{" + String.join(", ", tasks) + "}");
    PackagedJar.Ran seen = jar.exec("tick", "--now", "2026-11-23T09:59:30Z");
    assertThat(seen.code()).as(seen.toString()).isZero();
  }

  private Process startTick(String now) throws IOException {
    return jar.start(dir.resolve("tick-" + System.nanoTime() + ".out"), "tick", "--now", now);
  }

  private void awaitRunning(String task) throws InterruptedException {
    PackagedJar.awaitTrue(
        task + " to start",
        Duration.ofSeconds(30),
        () -> ledgerLines().stream().anyMatch(l -> l.startsWith(task + " ")));
  }

  private List<String> ledgerLines() {
    try {
      return Files.exists(ledger) ? Files.readAllLines(ledger, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static PackagedJar.Ran finish(Process process, Path err) throws Exception {
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the tick ends").isTrue();
    return new PackagedJar.Ran(process.exitValue(), "", Files.readString(err));
  }

  /** The promises every fault must leave standing. */
  private void assertPromisesHold(String... tasks) throws Exception {
    Set<String> seen = new HashSet<>();
    for (String line : ledgerLines()) {
      String fire = line.substring(0, line.lastIndexOf(' '));
      assertThat(seen.add(fire)).as("ran once: " + fire + " in " + ledgerLines()).isTrue();
    }
    for (String task : tasks) {
      for (RunRecord row : jar.rows(task)) {
        assertThat(row.status()).as("row %d of %s", row.id(), task).isNotEqualTo(RunStatus.RUNNING);
        if (row.status() == RunStatus.CRASHED) {
          assertThat(row.message()).contains("ended while the run was in progress");
        }
      }
    }
    try (Stream<Path> left = Files.list(home.resolve("journal"))) {
      assertThat(left).as("journal files left").isEmpty();
    } catch (java.nio.file.NoSuchFileException none) {
      // no run ever started
    }
  }

  private static void assertExplained(PackagedJar.Ran ran) {
    assertThat(ran.err())
        .as(ran.toString())
        .contains("hint: ")
        .doesNotContain("internal error")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void an_outcome_the_locked_database_refuses_is_recorded_by_the_next_tick_and_not_run_again()
      throws Exception {
    config(task("job", true, ", \"retries\": {\"max\": 2, \"backoff\": \"1s\"}"));
    Path err = dir.resolve("tick.err");
    Process tick = jar.start(dir.resolve("tick.out"), err, "tick", "--now", "2026-11-23T10:00:00Z");
    awaitRunning("job");
    PackagedJar.Ran refused;
    try (Connection holder =
            DriverManager.getConnection("jdbc:sqlite:" + home.resolve("task_log.db"));
        Statement statement = holder.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE"); // another process's long write, across the run's end
      Files.createFile(go);
      refused = finish(tick, err);
      statement.execute("ROLLBACK");
    }
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(refused.err()).contains("(success) is kept in").contains("journal");
    assertExplained(refused);

    PackagedJar.Ran next = jar.exec("tick", "--now", "2026-11-23T10:00:30Z");
    assertThat(next.code()).as(next.toString()).isZero();
    assertThat(jar.rows("job"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    assertThat(ledgerLines()).hasSize(1);
    assertPromisesHold("job");
  }

  @Test
  void an_outcome_a_full_disk_refuses_is_kept_and_recorded_once_there_is_room() throws Exception {
    useHome(smallDisk());
    config(task("job", true, ", \"retries\": {\"max\": 2, \"backoff\": \"1s\"}"));
    Path err = dir.resolve("tick.err");
    Process tick = jar.start(dir.resolve("tick.out"), err, "tick", "--now", "2026-11-23T10:00:00Z");
    awaitRunning("job");
    fill(home);
    Files.createFile(go);
    PackagedJar.Ran refused = finish(tick, err);
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(refused.err()).contains("(success) is kept in").contains("free space");
    assertExplained(refused);

    Files.delete(home.resolve("filler"));
    PackagedJar.Ran next = jar.exec("tick", "--now", "2026-11-23T10:00:30Z");
    assertThat(next.code()).as(next.toString()).isZero();
    assertThat(jar.rows("job"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    assertPromisesHold("job");
  }

  @Test
  void output_a_full_disk_refuses_is_counted_and_the_run_still_recorded_as_it_ended()
      throws Exception {
    useHome(smallDisk());
    Path printed = dir.resolve("printed");
    Path ends = dir.resolve("ends");
    config(
        "\"job\": {\"type\": \"shell\", \"cron\": \"* * * * *\""
            + ", \"command\": \"echo job $RUNNER_SCHEDULED_TIME $RUNNER_ATTEMPT >> "
            + ledger
            + "; while [ ! -f "
            + go
            + " ]; do sleep 0.05; done; seq 1 20000; touch "
            + printed
            + "; while [ ! -f "
            + ends
            + " ]; do sleep 0.05; done\"}");
    Path err = dir.resolve("tick.err");
    Process tick = jar.start(dir.resolve("tick.out"), err, "tick", "--now", "2026-11-23T10:00:00Z");
    awaitRunning("job");
    fill(home);
    Files.createFile(go);
    PackagedJar.awaitTrue(
        "the output printed", Duration.ofSeconds(30), () -> Files.exists(printed));
    Files.delete(home.resolve("filler"));
    Files.createFile(ends);
    PackagedJar.Ran ran = finish(tick, err);
    assertThat(ran.code()).as(ran.toString()).isZero();
    assertThat(jar.rows("job"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
              assertThat(r.message()).contains("lines could not be written to");
            });
    assertPromisesHold("job");
  }

  @Test
  void a_full_disk_at_claim_time_runs_nothing_and_the_next_tick_runs_the_fire_once()
      throws Exception {
    useHome(smallDisk());
    config(task("job", false, ""));
    assertThat(jar.exec("tick", "--now", "2026-11-23T10:00:00Z").code()).isZero();
    assertThat(ledgerLines()).hasSize(1);
    fill(home);
    PackagedJar.Ran full = jar.exec("tick", "--now", "2026-11-23T10:01:00Z");
    assertThat(full.code()).as(full.toString()).isEqualTo(ExitCode.ENVIRONMENT);
    assertExplained(full);
    assertThat(ledgerLines()).hasSize(1);
    Files.delete(home.resolve("filler"));
    assertThat(jar.exec("tick", "--now", "2026-11-23T10:01:10Z").code()).isZero();
    assertThat(ledgerLines()).hasSize(2);
    assertPromisesHold("job");
  }

  @Test
  void a_tick_killed_with_runs_still_queued_has_them_run_once_by_the_next_tick() throws Exception {
    Files.writeString(home.resolve(".env"), "RUNNER_MAX_WORKERS=1\n");
    config(task("first", true, ""), task("second", false, ""), task("third", false, ""));
    Process tick = startTick("2026-11-23T10:00:00Z");
    awaitRunning("first");
    tick.destroyForcibly(); // SIGKILL: second and third were claimed, waiting for the worker
    tick.waitFor();

    PackagedJar.Ran next = jar.exec("tick", "--now", "2026-11-23T10:00:30Z");
    assertThat(next.code()).as(next.toString()).isZero();
    assertThat(jar.rows("first"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.CRASHED));
    for (String task : List.of("second", "third")) {
      List<RunRecord> rows = jar.rows(task);
      assertThat(rows)
          .extracting(RunRecord::status)
          .containsExactly(RunStatus.SUCCESS, RunStatus.SKIPPED);
      assertThat(rows.get(1).message()).contains("not started").contains("queued_again");
      assertThat(rows.get(0).attempt()).isEqualTo(2);
    }
    List<String> fires = new ArrayList<>(ledgerLines());
    assertThat(fires).hasSize(3);
    assertPromisesHold("first", "second", "third");
  }

  @Test
  void a_truncated_or_garbled_database_runs_nothing_and_says_so_until_it_is_restored()
      throws Exception {
    config(task("job", false, ""));
    assertThat(jar.exec("tick", "--now", "2026-11-23T10:00:00Z").code()).isZero();
    Path db = home.resolve("task_log.db");
    Path backup = dir.resolve("backup.db");
    Files.copy(db, backup);
    for (byte[] damage : List.of(new byte[0], "garbled\n".repeat(500).getBytes())) {
      Files.write(db, damage);
      PackagedJar.Ran tick = jar.exec("tick", "--now", "2026-11-23T10:01:00Z");
      assertThat(tick.code()).as(tick.toString()).isEqualTo(ExitCode.ENVIRONMENT);
      assertExplained(tick);
      assertThat(Files.readAllBytes(db)).as("left as it was").isEqualTo(damage);
      PackagedJar.Ran check = jar.exec("db", "check");
      assertThat(check.code()).isEqualTo(ExitCode.ENVIRONMENT);
      assertThat(check.out()).containsAnyOf("LOST", "DAMAGED");
    }
    assertThat(ledgerLines()).hasSize(1);
    Files.copy(backup, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(jar.exec("tick", "--now", "2026-11-23T10:01:10Z").code()).isZero();
    assertThat(ledgerLines()).hasSize(2);
    assertPromisesHold("job");
  }

  @Test
  void a_read_only_home_runs_nothing_says_why_and_still_shows_its_history() throws Exception {
    useHome(smallDisk());
    config(task("job", false, ""));
    assertThat(jar.exec("tick", "--now", "2026-11-23T10:00:00Z").code()).isZero();
    remount("ro");
    try {
      for (String[] command :
          new String[][] {{"tick", "--now", "2026-11-23T10:01:00Z"}, {"run", "job"}}) {
        PackagedJar.Ran refused = jar.exec(command);
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(refused.err()).contains("read-only");
        assertExplained(refused);
      }
      PackagedJar.Ran history = jar.exec("history", "--task", "job");
      assertThat(history.code()).as(history.toString()).isZero();
      assertThat(history.out()).contains("success");
      assertThat(jar.exec("db", "check").code()).isZero();
    } finally {
      remount("rw");
    }
    assertThat(ledgerLines()).hasSize(1);
    assertThat(jar.exec("tick", "--now", "2026-11-23T10:01:10Z").code()).isZero();
    assertThat(ledgerLines()).hasSize(2);
    assertPromisesHold("job");
  }

  private void remount(String mode) throws Exception {
    Process remount =
        new ProcessBuilder("mount", "-o", "remount," + mode, mounted.toString())
            .inheritIO()
            .start();
    assertThat(remount.waitFor(30, TimeUnit.SECONDS) && remount.exitValue() == 0).isTrue();
  }

  /** A 2 MB tmpfs (root only; CI runs as root), so the disk can really be filled. */
  private Path smallDisk() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
    Path point = Files.createDirectories(dir.resolve("disk"));
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", point.toString())
            .inheritIO()
            .start();
    assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0, "mount failed");
    mounted = point;
    return point;
  }

  private static void fill(Path home) throws IOException {
    byte[] block = new byte[16 * 1024];
    try (var out = Files.newOutputStream(home.resolve("filler"))) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // the disk is full now
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", "-l", mounted.toString()).inheritIO().start().waitFor();
    }
  }
}
