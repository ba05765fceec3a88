package dev.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.store.HistoryQuery;
import dev.runner.store.NewRun;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Engine.cancel}: a run of this engine stops at once, one of another engine (another
 * process, as cron's tick is to the web) stops when its owner's watch reads the mark, one whose
 * owner is gone is recorded at once; a cancelled run is neither retried nor followed.
 */
class CancelTest {

  @TempDir Path dir;
  private RunnerConfig config;
  private ExecutorService pool;
  private Path childPid;

  @BeforeEach
  void home() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    childPid = dir.resolve("child.pid");
    // the shell leads the group; its sleep is a grandchild of runner that the group signal reaches
    Files.writeString(
        home.resolve("tasks_config.json"),
        "{\"job\": {\"type\": \"shell\", \"command\": \"sleep 300 & echo $! > "
            + childPid
            + "; wait\", \"retries\": {\"max\": 2, \"backoff\": \"1s\"}},"
            + " \"after\": {\"type\": \"shell\", \"command\": \"true\","
            + " \"depends_on\": [\"job\"], \"trigger_on\": \"completion\"}}");
    config =
        new ConfigLoader(
                TaskTypes.load(getClass().getClassLoader()),
                Map.of("PATH", System.getenv("PATH")),
                ZoneOffset.UTC)
            .load(Home.resolve(null, null, null, Map.of(), home));
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Engine engine() {
    return new Engine(
        config, Clock.systemUTC(), new Identity("host", ProcessHandle.current().pid()));
  }

  private Engine.Submitted start(Engine engine) throws Exception {
    Engine.Submitted submitted =
        engine.submit(
            Engine.Request.manual(config.task("job").orElseThrow(), Map.of(), true), pool, null);
    await("the task's child to start", () -> Files.size(childPid) > 0);
    return submitted;
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Waits for a condition, checked every 20 ms, at most 20 s: no sleep lets time pass. */
  static void await(String what, Check check) throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (Exception notYet) {
        // not there yet
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private long child() throws Exception {
    return Long.parseLong(Files.readString(childPid).strip());
  }

  @Test
  void a_run_of_this_engine_is_stopped_with_its_group_and_not_retried_or_followed()
      throws Exception {
    try (Engine engine = engine()) {
      Engine.Submitted run = start(engine);
      long sleep = child();

      Engine.Cancel cancel = engine.cancel(run.runId());

      assertThat(cancel.result()).isEqualTo(Engine.CancelResult.REQUESTED);
      List<RunResult> results = run.results().get(30, TimeUnit.SECONDS);
      assertThat(results)
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.CANCELLED));
      RunRecord row = engine.store().find(run.runId()).orElseThrow();
      assertThat(row.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(row.finalAttempt()).isTrue();
      assertThat(row.message()).contains("cancelled by request");
      await("the grandchild to end", () -> ProcessHandle.of(sleep).isEmpty());
      assertThat(engine.store().history(new HistoryQuery("after", null, null, 10, 0))).isEmpty();
      assertThat(engine.store().<List<PendingRetry>>inTransaction(tx -> tx.retries())).isEmpty();
      assertThat(engine.cancel(run.runId()).result()).isEqualTo(Engine.CancelResult.NOT_RUNNING);
      assertThat(engine.cancel(9999).result()).isEqualTo(Engine.CancelResult.UNKNOWN);
    }
  }

  @Test
  void a_run_owned_elsewhere_is_stopped_by_its_owner_once_it_reads_the_mark() throws Exception {
    try (Engine owner = engine();
        Engine other = engine()) {
      Engine.Submitted run = start(owner);

      assertThat(other.cancel(run.runId()).result()).isEqualTo(Engine.CancelResult.REQUESTED);

      assertThat(run.results().get(30, TimeUnit.SECONDS))
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.CANCELLED));
      assertThat(other.store().find(run.runId()).orElseThrow().status())
          .isEqualTo(RunStatus.CANCELLED);
    }
  }

  @Test
  void a_run_whose_owner_is_gone_is_recorded_cancelled_at_once() {
    try (Engine engine = engine()) {
      Instant at = Instant.parse("2026-11-23T10:00:00Z");
      long id =
          engine
              .store()
              .inTransaction(
                  tx ->
                      tx.insert(
                              new NewRun("job", RunStatus.RUNNING, at, at, Trigger.MANUAL, 1, "{}"),
                              "host",
                              1)
                          .orElseThrow());

      assertThat(engine.cancel(id).result()).isEqualTo(Engine.CancelResult.RECORDED);

      RunRecord row = engine.store().find(id).orElseThrow();
      assertThat(row.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(row.message()).contains("had ended");
      assertThat(engine.store().<List<PendingRetry>>inTransaction(tx -> tx.retries())).isEmpty();
    }
  }
}
