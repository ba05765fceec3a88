package dev.runner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.engine.Engine;
import dev.runner.engine.Identity;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on virtual time with real shell runs: each wait jumps to the instant the daemon asked
 * for, so the instants it asks for are exactly when it would wake.
 */
class DaemonTest {

  @TempDir Path home;

  final List<String> out = Collections.synchronizedList(new ArrayList<>());

  static final String EVERY_TWO_SECONDS =
      """
      {"tick2": {"type": "shell", "cron": "*/2 * * * * *",
                 "command": "echo $RUNNER_SCHEDULED_TIME >> tick2.txt"}}
      """;

  void config(String json) {
    try {
      Files.writeString(home.resolve("tasks_config.json"), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RunnerConfig load() throws dev.runner.config.InvalidConfigException {
    return new ConfigLoader(
            TaskTypes.load(getClass().getClassLoader()),
            Map.of("PATH", System.getenv("PATH")),
            ZoneOffset.UTC)
        .load(Home.resolve(null, null, null, Map.of(), home));
  }

  Daemon daemon(VirtualTime time) {
    Daemon daemon =
        new Daemon(
            this::load,
            time.clock,
            new Identity("host", ProcessHandle.current().pid()),
            time,
            out::add,
            Duration.ofSeconds(5),
            () -> {});
    time.daemon = daemon;
    return daemon;
  }

  List<RunRecord> rows(String task) {
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      List<RunRecord> rows =
          new ArrayList<>(store.history(new HistoryQuery(task, Set.of(), null, 1000, 0)));
      Collections.reverse(rows);
      return rows;
    }
  }

  List<String> lines(String file) throws IOException {
    return Files.readAllLines(home.resolve(file));
  }

  static List<Instant> seconds(String... times) {
    return Stream.of(times).map(t -> Instant.parse("2026-11-23T10:00:" + t + "Z")).toList();
  }

  @Test
  void a_six_field_schedule_fires_at_each_even_second_and_the_daemon_wakes_only_then()
      throws Exception {
    config(EVERY_TWO_SECONDS);
    VirtualTime time =
        new VirtualTime(
            Instant.parse("2026-11-23T10:00:00.500Z"), Instant.parse("2026-11-23T10:00:10.900Z"));
    daemon(time).run(load());

    // first sight at :00.5, so the first fire is :02; asking for :12 (past the end) stopped it
    assertThat(time.asked).isEqualTo(seconds("02", "04", "06", "08", "10", "12"));
    List<RunRecord> rows = rows("tick2");
    assertThat(rows)
        .extracting(RunRecord::scheduledFor)
        .isEqualTo(seconds("02", "04", "06", "08", "10"));
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
              assertThat(r.runTime()).isEqualTo(r.scheduledFor()); // on time, to the millisecond
            });
    assertThat(lines("tick2.txt"))
        .containsExactly(
            "2026-11-23T10:00:02Z",
            "2026-11-23T10:00:04Z",
            "2026-11-23T10:00:06Z",
            "2026-11-23T10:00:08Z",
            "2026-11-23T10:00:10Z");
    assertThat(out)
        .anyMatch(l -> l.contains("INFO  daemon started"))
        .anyMatch(l -> l.contains("start tick2 run=1 trigger=schedule"))
        .anyMatch(l -> l.contains("end   tick2 run=5 status=success"))
        .anyMatch(l -> l.endsWith("daemon stopped"));
  }

  @Test
  void an_edit_of_the_config_is_picked_up_and_an_invalid_one_keeps_the_last_good_running()
      throws Exception {
    config(EVERY_TWO_SECONDS);
    VirtualTime time =
        new VirtualTime(
                Instant.parse("2026-11-23T10:00:00.500Z"),
                Instant.parse("2026-11-23T10:00:12.900Z"))
            .at("2026-11-23T10:00:03Z", () -> config("{\"tick2\": {\"type\": \"shell\",,}}"))
            .at(
                "2026-11-23T10:00:07Z",
                () ->
                    config(
                        """
                        {"tick2": {"type": "shell", "cron": "*/2 * * * * *",
                                   "command": "echo $RUNNER_SCHEDULED_TIME >> tick2.txt"},
                         "added": {"type": "shell", "cron": "*/3 * * * * *",
                                   "command": "echo $RUNNER_SCHEDULED_TIME >> added.txt"}}
                        """));
    daemon(time).run(load());

    // the broken file at :03 changed nothing: tick2 kept firing every two seconds throughout
    assertThat(rows("tick2"))
        .extracting(RunRecord::scheduledFor)
        .isEqualTo(seconds("02", "04", "06", "08", "10", "12"));
    assertThat(out)
        .anyMatch(
            l ->
                l.contains("WARN  the changed configuration has 1 problem;")
                    && l.contains("still running the last good one (1 tasks)"))
        .anyMatch(
            l -> l.contains("WARN    tasks_config.json:1:28: a name in double quotes is expected"));
    // the good edit at :07 added a task, first seen then: it fires from :09 on
    assertThat(out).anyMatch(l -> l.contains("configuration reloaded: 2 tasks"));
    assertThat(lines("added.txt")).containsExactly("2026-11-23T10:00:09Z", "2026-11-23T10:00:12Z");
  }

  @Test
  void a_cron_tick_racing_the_daemon_never_runs_a_fire_twice() throws Exception {
    config(
        """
        {"every_second": {"type": "shell", "cron": "* * * * * *",
                          "command": "echo $RUNNER_SCHEDULED_TIME >> fires.txt"}}
        """);
    RunnerConfig config = load();
    List<CompletableFuture<Void>> ticks = Collections.synchronizedList(new ArrayList<>());
    Instant end = Instant.parse("2026-11-23T10:00:20Z");
    VirtualTime time =
        new VirtualTime(Instant.parse("2026-11-23T10:00:00Z"), end) {
          @Override
          public void awaitUntil(Instant until) {
            CompletableFuture.allOf(ticks.toArray(CompletableFuture[]::new)).join();
            super.awaitUntil(until);
            if (until.isAfter(end)) {
              return;
            }
            // a tick of "another process" at the very instant the daemon's next pass starts
            Clock at = Clock.fixed(until, ZoneOffset.UTC);
            ticks.add(
                CompletableFuture.runAsync(
                    () -> {
                      try (Engine tick = new Engine(config, at, new Identity("host", 1))) {
                        tick.tick(false);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }));
          }
        };
    daemon(time).run(config);
    CompletableFuture.allOf(ticks.toArray(CompletableFuture[]::new)).join();

    // every second from :01 to :20 ran once, by whichever of the two claimed it first
    List<RunRecord> rows = rows("every_second");
    assertThat(rows).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
    assertThat(rows)
        .extracting(RunRecord::scheduledFor)
        .containsExactlyElementsOf(
            Stream.iterate(Instant.parse("2026-11-23T10:00:01Z"), t -> t.plusSeconds(1))
                .limit(20)
                .toList());
    assertThat(lines("fires.txt")).doesNotHaveDuplicates().hasSize(20);
  }
}
