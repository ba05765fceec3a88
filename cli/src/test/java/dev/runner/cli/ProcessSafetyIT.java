package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as cron runs it: real JVMs, real children, real signals. */
class ProcessSafetyIT {

  @TempDir Path home;

  List<RunRecord> rows(String task) {
    return new PackagedJar(home).rows(task);
  }

  boolean hasStatus(String task, RunStatus status) {
    return new PackagedJar(home).hasStatus(task, status);
  }

  @Test
  void ticks_racing_on_the_same_instant_run_a_fire_once() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"count": {"type": "shell", "cron": "* * * * *",
                   "command": "echo $RUNNER_RUN_ID >> ran.txt"}}
        """);
    assertThat(jar.run("tick", "--now", "2026-11-23T10:00:00Z")).isZero();
    List<Process> racers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racers.add(jar.start("tick", "--now", "2026-11-23T10:01:05Z"));
    }
    for (Process racer : racers) {
      assertThat(racer.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(racer.exitValue()).isZero();
    }
    assertThat(Files.readAllLines(home.resolve("ran.txt"))).hasSize(1);
    assertThat(rows("count"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
  }

  @Test
  void a_tick_killed_during_a_run_leaves_a_row_the_next_tick_marks_crashed_and_stops_its_orphan()
      throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"long": {"type": "shell", "every": "1h",
                  "command": "echo $$ > child.pid; exec sleep 60"}}
        """);
    Process tick = jar.start("tick", "--now", "2026-11-23T10:00:00Z");
    PackagedJar.awaitTrue(
        "the run to start",
        Duration.ofSeconds(30),
        () -> Files.exists(home.resolve("child.pid")) && hasStatus("long", RunStatus.RUNNING));
    tick.destroyForcibly(); // SIGKILL: no chance to record anything
    tick.waitFor();
    try {
      assertThat(jar.run("tick", "--now", "2026-11-23T10:00:30Z")).isZero();
      assertThat(rows("long"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(RunStatus.CRASHED);
                assertThat(r.message()).contains("ended while the run was in progress");
                assertThat(r.message()).contains("stopped process group");
              });
      long orphan = Long.parseLong(Files.readString(home.resolve("child.pid")).strip());
      PackagedJar.awaitTrue(
          "the orphaned task process to be stopped",
          Duration.ofSeconds(15),
          () -> ProcessHandle.of(orphan).map(h -> !h.isAlive()).orElse(true));
    } finally {
      long child = Long.parseLong(Files.readString(home.resolve("child.pid")).strip());
      ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void a_long_task_does_not_delay_the_next_tick() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"slow": {"type": "shell", "every": "1m",
                  "command": "until [ -e go ]; do sleep 0.05; done"},
         "fast": {"type": "shell", "cron": "* * * * *", "command": "echo done > fast.txt"}}
        """);
    Process first = jar.start("tick", "--now", "2026-11-23T10:00:00Z");
    PackagedJar.awaitTrue(
        "slow to start", Duration.ofSeconds(30), () -> hasStatus("slow", RunStatus.RUNNING));

    assertThat(jar.run("tick", "--now", "2026-11-23T10:01:30Z")).isZero();

    // The second tick finished and ran `fast` while the first is still running `slow`.
    assertThat(first.isAlive()).isTrue();
    assertThat(home.resolve("fast.txt")).hasContent("done");
    assertThat(rows("slow"))
        .extracting(RunRecord::status)
        .containsExactly(RunStatus.SKIPPED, RunStatus.RUNNING);
    assertThat(rows("slow").get(0).message()).contains("overlap");

    Files.createFile(home.resolve("go"));
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(rows("slow"))
        .extracting(RunRecord::status)
        .containsExactly(RunStatus.SKIPPED, RunStatus.SUCCESS);
  }

  @Test
  void a_hung_task_with_a_timeout_ends_as_timeout_with_its_children_gone() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"hung": {"type": "shell", "timeout": "2s",
                  "command": "sleep 300 & echo $! > child.pid; sleep 300"}}
        """);
    assertThat(jar.run("run", "hung")).isEqualTo(1);
    assertThat(rows("hung"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.TIMEOUT);
              assertThat(r.message()).contains("timed out after 2s");
            });
    long child = Long.parseLong(Files.readString(home.resolve("child.pid")).strip());
    PackagedJar.awaitTrue(
        "the background child to be gone",
        Duration.ofSeconds(15),
        () -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
  }

  @Test
  void running_a_task_that_is_already_running_exits_3() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"wait": {"type": "shell",
                  "command": "touch started; while [ ! -f go ]; do sleep 0.05; done"}}
        """);
    Process first = jar.start("run", "wait");
    PackagedJar.awaitTrue(
        "the first run to start",
        Duration.ofSeconds(30),
        () -> Files.exists(home.resolve("started")));
    Cli.Result second = new Cli(home).run("run", "wait");
    assertThat(second.code()).as(second.toString()).isEqualTo(3);
    assertThat(second.err()).contains("wait is running now and its overlap is skip");
    Files.createFile(home.resolve("go"));
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
  }

  @Test
  void the_idle_fast_path_still_finds_a_crashed_run() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"wait": {"type": "shell", "command": "touch started; exec sleep 60"},
         "daily": {"type": "shell", "cron": "0 3 * * *", "command": "true"}}
        """);
    Process run = jar.start("run", "wait");
    PackagedJar.awaitTrue(
        "the run to start",
        Duration.ofSeconds(30),
        () -> Files.exists(home.resolve("started")) && hasStatus("wait", RunStatus.RUNNING));
    assertThat(jar.run("tick")).isZero(); // full: writes the idle record, the run alive in it
    Path record = home.resolve("locks/idle");
    String written = Files.readString(record);
    assertThat(written).contains("live wait");
    assertThat(jar.run("tick")).isZero();
    assertThat(Files.readString(record)).as("answered from the record").isEqualTo(written);

    run.destroyForcibly(); // the owner dies; the record cannot know
    run.waitFor();
    assertThat(jar.run("tick")).isZero();
    assertThat(Files.readString(record)).isNotEqualTo(written);
    assertThat(rows("wait"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.CRASHED));
  }
}
