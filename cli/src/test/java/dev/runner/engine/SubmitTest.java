package dev.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Engine.submit}: the run's id comes back as soon as its row is claimed, while the run is
 * still under way; a second request while it runs is refused, as a tick's overlap would be.
 */
class SubmitTest {

  @TempDir Path dir;

  @Test
  void submit_returns_the_claimed_run_at_once_and_its_results_when_it_ends() throws Exception {
    Path gate = dir.resolve("gate");
    new ProcessBuilder("mkfifo", gate.toString()).start().waitFor();
    Path home = Files.createDirectories(dir.resolve("home"));
    // the run waits on the fifo until the test writes to it: it is under way until then
    Files.writeString(
        home.resolve("tasks_config.json"),
        "{\"job\": {\"type\": \"shell\","
            + " \"command\": \"read word < "
            + gate
            + "; echo got $word $GREETING\"}}");
    RunnerConfig config =
        new ConfigLoader(
                TaskTypes.load(getClass().getClassLoader()),
                Map.of("PATH", System.getenv("PATH")),
                ZoneOffset.UTC)
            .load(Home.resolve(null, null, null, Map.of(), home));
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Engine engine =
        new Engine(config, clock, new Identity("host", ProcessHandle.current().pid()))) {
      Engine.Request request =
          Engine.Request.manual(config.task("job").orElseThrow(), Map.of(), false);
      Engine.Submitted submitted = engine.submit(request, pool, null);

      RunRecord row = engine.store().find(submitted.runId()).orElseThrow();
      assertThat(row.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(row.trigger()).isEqualTo(Trigger.MANUAL);
      assertThat(submitted.results()).isNotDone();
      assertThatThrownBy(() -> engine.submit(request, pool, null))
          .isInstanceOf(BusyException.class)
          .hasMessageContaining("job is running now");

      Files.writeString(gate, "go\n");
      List<RunResult> results = submitted.results().get(30, TimeUnit.SECONDS);
      assertThat(results)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.id()).isEqualTo(submitted.runId());
                assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
              });
      assertThat(engine.store().find(submitted.runId()).orElseThrow().status())
          .isEqualTo(RunStatus.SUCCESS);
      Engine.Submitted again = engine.submit(request, pool, null);
      assertThat(again.runId())
          .as("free again once the run ended")
          .isGreaterThan(submitted.runId());
      Files.writeString(gate, "twice\n");
      assertThat(again.results().get(30, TimeUnit.SECONDS)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
