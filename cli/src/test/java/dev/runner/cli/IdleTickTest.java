package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.IdleRecord;
import dev.runner.store.Store;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle fast path: it answers only while nothing can be due and nothing has changed, and each
 * kind of change sends the next tick down the full path.
 */
class IdleTickTest {

  @TempDir Path home;
  Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    cli =
        new Cli(home)
            .config(
                """
                {"hourly": {"type": "shell", "cron": "0 * * * *", "command": "echo ran"},
                 "flaky": {"type": "shell", "command": "exit 3",
                           "retries": {"max": 1, "backoff": "20m"}}}
                """);
    assertThat(cli.at("2026-11-23T10:00:30Z").run("tick").code()).isZero(); // first sight
  }

  String record() throws Exception {
    return Files.readString(IdleRecord.file(home));
  }

  /** A tick answered from the record leaves it as it was; a full tick writes it anew. */
  boolean idleAt(String instant) throws Exception {
    String before = record();
    Cli.Result tick = cli.at(instant).run("tick");
    assertThat(tick.code()).as(tick.toString()).isZero();
    return record().equals(before);
  }

  @Test
  void nothing_due_and_nothing_changed_is_answered_without_the_full_tick() throws Exception {
    assertThat(record()).contains("due " + Instant.parse("2026-11-23T11:00:00Z").toEpochMilli());
    assertThat(idleAt("2026-11-23T10:01:00Z")).isTrue();
    assertThat(idleAt("2026-11-23T10:59:59Z")).isTrue();
    assertThat(cli.history()).isEmpty();
  }

  @Test
  void a_due_fire_takes_the_full_path_and_runs() throws Exception {
    assertThat(idleAt("2026-11-23T11:00:02Z")).isFalse();
    assertThat(cli.history())
        .singleElement()
        .satisfies(r -> assertThat(r.get("task_name")).isEqualTo("hourly"));
  }

  @Test
  void a_changed_config_or_env_file_takes_the_full_path() throws Exception {
    Path config = home.resolve("tasks_config.json");
    Files.setLastModifiedTime(config, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(idleAt("2026-11-23T10:05:00Z")).isFalse();
    assertThat(idleAt("2026-11-23T10:06:00Z")).isTrue();
    cli.dotenv("RUNNER_MAX_WORKERS=2\n");
    assertThat(idleAt("2026-11-23T10:07:00Z")).isFalse();
    cli.env.put("RUNNER_TIMEZONE", "Asia/Shanghai");
    assertThat(idleAt("2026-11-23T10:08:00Z")).isFalse();
  }

  @Test
  void a_queued_retry_is_due_before_the_next_fire() throws Exception {
    cli.at("2026-11-23T10:10:00Z").run("run", "flaky"); // fails; its retry is due at 10:30
    assertThat(idleAt("2026-11-23T10:11:00Z")).isFalse(); // the database changed
    Instant due =
        Instant.ofEpochMilli(
            Long.parseLong(
                record()
                    .lines()
                    .filter(l -> l.startsWith("due "))
                    .findFirst()
                    .orElseThrow()
                    .substring(4)));
    assertThat(due)
        .isAfter(Instant.parse("2026-11-23T10:29:59Z"))
        .isBefore(Instant.parse("2026-11-23T10:31:00Z"));
    assertThat(idleAt("2026-11-23T10:12:00Z")).isTrue();
    assertThat(cli.at("2026-11-23T10:31:00Z").run("tick").code()).isEqualTo(1); // the retry ran
    assertThat(cli.history("--task", "flaky"))
        .extracting(r -> r.get("attempt") + ":" + r.get("trigger"))
        .containsExactly("2:retry", "1:manual");
  }

  @Test
  void a_clock_that_went_back_takes_the_full_path() throws Exception {
    assertThat(idleAt("2026-11-23T09:00:00Z")).isFalse();
  }

  @Test
  void only_a_plain_tick_is_answered() throws Exception {
    String before = record();
    cli.terminal = true;
    // the full path prints the same line, but writes the record anew
    assertThat(cli.at("2026-11-23T10:02:00Z").run("tick").out())
        .isEqualTo("tick: nothing was due\n");
    assertThat(record()).isEqualTo(before);
    cli.terminal = false;

    // Neither writes the record on the full path either, so what proves the full path is what only
    // it does: the plan printed, the watermarks moved to --now in the database.
    Cli.Result dry = cli.at("2026-11-23T10:03:00Z").run("tick", "--dry-run");
    assertThat(dry.code()).as(dry.toString()).isZero();
    assertThat(dry.out())
        .isEqualTo("dry run at 2026-11-23T10:03:00Z; nothing was changed\nnothing is due\n");
    Cli.Result simulated =
        cli.at("2026-11-23T10:03:00Z").run("tick", "--now", "2026-11-23T10:04:00Z");
    assertThat(simulated.code()).as(simulated.toString()).isZero();
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      assertThat(store.states().get("hourly").watermark())
          .isEqualTo(Instant.parse("2026-11-23T10:04:00Z"));
    }
    assertThat(record()).isEqualTo(before);
  }
}
