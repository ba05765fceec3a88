package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM and SIGINT to {@code tick} and {@code run}: the runs stop and are recorded. */
class SignalIT {

  @TempDir Path home;

  private static final String TASKS =
      """
      {"long": {"type": "shell", "cron": "* * * * *",
                "command": "echo $$ > child.pid; exec sleep 120"},
       "queued": {"type": "shell", "cron": "* * * * *", "command": "echo ran >> queued.txt"}}
      """;

  private long childOnceStarted(PackagedJar jar) throws Exception {
    PackagedJar.awaitTrue(
        "the run to start",
        Duration.ofSeconds(30),
        () -> Files.exists(home.resolve("child.pid")) && jar.hasStatus("long", RunStatus.RUNNING));
    PackagedJar.awaitTrue(
        "the child's pid",
        Duration.ofSeconds(5),
        () -> {
          try {
            return !Files.readString(home.resolve("child.pid")).isBlank();
          } catch (java.io.IOException e) {
            return false;
          }
        });
    return Long.parseLong(Files.readString(home.resolve("child.pid")).strip());
  }

  private static void assertStoppedAndRecorded(PackagedJar jar, long child) throws Exception {
    PackagedJar.awaitTrue(
        "the child to be gone",
        Duration.ofSeconds(15),
        () -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    assertThat(jar.rows("long"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.TECHNICAL_FAILURE);
              assertThat(r.message()).contains("stopped: runner was shutting down");
            });
  }

  @Test
  void sigterm_to_a_tick_stops_its_run_records_it_and_leaves_the_queued_run_to_the_next_tick()
      throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(TASKS);
    Files.writeString(home.resolve(".env"), "RUNNER_MAX_WORKERS=1\n");
    assertThat(jar.run("tick", "--now", "2026-11-23T09:59:30Z")).isZero();
    Process tick = jar.start("tick", "--now", "2026-11-23T10:00:00Z");
    long child = childOnceStarted(jar);

    tick.destroy(); // SIGTERM
    assertThat(tick.waitFor(30, TimeUnit.SECONDS)).as("the tick ends").isTrue();
    assertThat(tick.exitValue()).isEqualTo(143);
    assertStoppedAndRecorded(jar, child);

    assertThat(jar.run("tick", "--now", "2026-11-23T10:00:20Z")).isZero();
    List<RunRecord> queued = jar.rows("queued");
    assertThat(queued)
        .extracting(RunRecord::status)
        .containsExactly(RunStatus.SUCCESS, RunStatus.SKIPPED);
    assertThat(queued.get(1).message()).contains("not started");
    assertThat(Files.readAllLines(home.resolve("queued.txt"))).hasSize(1);
  }

  @Test
  void sigint_to_runner_run_stops_the_run_and_records_it() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(TASKS);
    Process run = jar.start("run", "long");
    long child = childOnceStarted(jar);

    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("run ends").isTrue();
    assertThat(run.exitValue()).isEqualTo(130);
    assertStoppedAndRecorded(jar, child);
  }
}
