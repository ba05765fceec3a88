package dev.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runners on "different hosts" (own homes and locks, one database) tick at the same instant:
 * the claim transaction and the unique fire index let exactly one of them run the fire.
 */
class SharedDatabaseTest {

  @TempDir Path dir;

  RunnerConfig config(String name, Path db) throws Exception {
    Path home = Files.createDirectories(dir.resolve(name));
    Files.writeString(
        home.resolve("tasks_config.json"),
        "{\"job\": {\"type\": \"shell\", \"cron\": \"* * * * *\","
            + " \"command\": \"echo $RUNNER_RUN_ID >> "
            + dir.resolve("ran.txt")
            + "\"}}");
    return new ConfigLoader(
            TaskTypes.load(getClass().getClassLoader()),
            Map.of("RUNNER_DB", db.toString(), "PATH", System.getenv("PATH")),
            ZoneOffset.UTC)
        .load(Home.resolve(null, null, null, Map.of(), home));
  }

  @Test
  void two_hosts_ticking_together_run_a_fire_once() throws Exception {
    Path db = dir.resolve("shared.db");
    RunnerConfig a = config("a", db);
    RunnerConfig b = config("b", db);
    Clock start = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    try (Engine first = new Engine(a, start, new Identity("host-a", 1))) {
      first.tick(false);
    }
    Clock due = Clock.fixed(Instant.parse("2026-11-23T10:01:02Z"), ZoneOffset.UTC);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<TickReport>> ticks =
          pool.invokeAll(
              List.of(racer(a, due, "host-a", together), racer(b, due, "host-b", together)));
      int ran = 0;
      for (Future<TickReport> tick : ticks) {
        ran += tick.get().results().size();
      }
      assertThat(ran).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(Files.readAllLines(dir.resolve("ran.txt"))).hasSize(1);
    try (Engine check = new Engine(a, due, new Identity("host-a", 1))) {
      assertThat(check.store().history(new HistoryQuery("job", Set.of(), null, 10, 0)))
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    }
  }

  private static Callable<TickReport> racer(
      RunnerConfig config, Clock clock, String host, CyclicBarrier together) {
    return () -> {
      try (Engine engine = new Engine(config, clock, new Identity(host, 2))) {
        engine.store();
        together.await();
        return engine.tick(false);
      }
    };
  }
}
