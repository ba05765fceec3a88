package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.daemon.DaemonLock;
import dev.runner.engine.IdleRecord;
import dev.runner.store.Store;
import dev.runner.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything runner makes in a home is its owner's alone (folders 0700, files 0600), whatever the
 * umask of the JVM that makes it (the test's, usually 022); and a {@code .env} others can read is
 * pointed out, once for each mode it is found in.
 */
class PrivateHomeTest {

  @TempDir Path home;

  static final String CONFIG =
      """
      {"every_minute": {"type": "shell", "every": "1m", "command": "echo minute $RUNNER_RUN_ID"},
       "hourly": {"type": "shell", "cron": "0 * * * *", "command": "echo hourly"},
       "flaky": {"type": "shell", "command": "echo trying; exit 3",
                 "retries": {"max": 1, "backoff": "20m"}}}
      """;

  Cli cli() throws IOException {
    return new Cli(home).config(CONFIG).dotenv("RUNNER_MAX_WORKERS=2\n");
  }

  static void ok(Cli.Result result) {
    assertThat(result.code()).as(result.toString()).isIn(ExitCode.OK, ExitCode.TASK_FAILED);
  }

  @Test
  void every_file_and_folder_runner_makes_in_a_home_is_the_owners_alone() throws Exception {
    Cli cli = cli();
    ok(cli.at("2026-11-23T10:00:30Z").run("tick")); // the full path: database, logs, locks
    String record = Files.readString(IdleRecord.file(home));
    ok(cli.at("2026-11-23T10:00:45Z").run("tick")); // the idle path
    assertThat(Files.readString(IdleRecord.file(home))).isEqualTo(record);

    // a day-old task.log is rolled over by the next line: logback makes the new one
    Path taskLog = home.resolve("logs").resolve("task.log");
    Files.setLastModifiedTime(taskLog, FileTime.from(Instant.now().minusSeconds(2 * 86_400)));
    ok(cli.at("2026-11-23T10:01:10Z").run("run", "flaky")); // a run log, a journal, a retry
    try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
      assertThat(logs.map(p -> p.getFileName().toString())).hasSizeGreaterThan(2);
    }

    ok(cli.run("tick", "--now", "2026-11-24T10:00:00Z")); // leaves watermarks ahead
    ok(cli.at("2026-11-23T10:03:00Z").run("tick")); // which locks/ahead remembers saying
    assertThat(home.resolve("locks").resolve("ahead")).exists();
    for (String[] command :
        List.of(
            new String[] {"list"},
            new String[] {"history"},
            new String[] {"status"},
            new String[] {"validate"},
            new String[] {"logs", "1"},
            new String[] {"stats"},
            new String[] {"next", "hourly"},
            new String[] {"deps"},
            new String[] {"prune"},
            new String[] {"db", "check"},
            new String[] {"state", "reset", "--all"})) {
      Cli.Result result = cli.run(command);
      assertThat(result.code()).as(String.join(" ", command) + "\n" + result).isIn(0, 1);
    }
    assertThat(home.resolve("locks").resolve("pruned")).exists();

    // open, so that SQLite's -wal and -shm files are there to be seen
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      store.states();
      assertThat(notPrivate(home)).isEmpty();
      assertThat(home.resolve("task_log.db-wal")).exists();
    }
  }

  @Test
  void the_daemons_lock_and_its_folder_are_the_owners_alone() throws Exception {
    Optional<DaemonLock> lock = DaemonLock.tryAcquire(DaemonLock.file(home), new StringBuilder());
    assertThat(lock).isPresent();
    lock.get().close();
    assertThat(notPrivate(home)).isEmpty();
    assertThat(DaemonLock.file(home)).exists();
  }

  @Test
  void a_dotenv_others_can_read_is_said_once_for_each_mode_and_by_validate_every_time()
      throws Exception {
    Cli cli = cli();
    Path env = home.resolve(".env");
    String advice = "chmod 600 " + env.toAbsolutePath();

    mode(env, "rw-r--r--");
    Cli.Result first = cli.at("2026-11-23T10:00:30Z").run("tick");
    assertThat(first.err())
        .as(first.toString())
        .contains("runner: .env is readable by others (mode 0644): " + advice);
    assertThat(cli.at("2026-11-23T10:01:30Z").run("tick").err()).doesNotContain(".env");
    assertThat(cli.run("run", "hourly").err()).doesNotContain(".env");

    mode(env, "rw-r-----");
    assertThat(cli.at("2026-11-23T10:02:30Z").run("tick").err())
        .contains("runner: .env is readable by its group (mode 0640): " + advice);
    assertThat(cli.at("2026-11-23T10:03:30Z").run("tick").err()).doesNotContain(".env");

    mode(env, "rw-------");
    assertThat(cli.at("2026-11-23T10:04:30Z").run("tick").err()).doesNotContain(".env");
    assertThat(cli.run("validate").err()).isEmpty();

    mode(env, "rw-r--r--");
    assertThat(cli.at("2026-11-23T10:05:30Z").run("tick").err())
        .contains("runner: .env is readable by others (mode 0644)");
    for (int i = 0; i < 2; i++) {
      Cli.Result validate = cli.run("validate");
      assertThat(validate.code()).isZero();
      assertThat(validate.err())
          .contains("warning: .env is readable by others (mode 0644): " + advice);
    }
    assertThat(cli.run("validate", "--json").out()).contains("readable by others (mode 0644)");
  }

  static void mode(Path file, String mode) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
  }

  /** Each folder under {@code home} not 0700 and each file not 0600, but the test's own inputs. */
  static List<String> notPrivate(Path home) throws IOException {
    Set<Path> inputs = Set.of(home.resolve("tasks_config.json"), home.resolve(".env"));
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> all = Files.walk(home)) {
      for (Path path : (Iterable<Path>) all::iterator) {
        if (path.equals(home) || inputs.contains(path)) {
          continue;
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
        if (!mode.equals(expected)) {
          wrong.add(home.relativize(path) + " is " + mode);
        }
      }
    }
    return wrong;
  }
}
