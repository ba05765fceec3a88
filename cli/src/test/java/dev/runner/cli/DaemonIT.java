package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runner daemon} as systemd or Docker runs it: a real JVM stopped by a real SIGTERM. */
class DaemonIT {

  @TempDir Path home;

  List<RunRecord> rows(String task) {
    return new PackagedJar(home).rows(task);
  }

  boolean running(String task) {
    return new PackagedJar(home).hasStatus(task, RunStatus.RUNNING);
  }

  /** {@code runner daemon --status}: its exit code and what it said. */
  String status() throws Exception {
    Path said = home.resolve("status-" + System.nanoTime() + ".txt");
    Process check = new PackagedJar(home).start(said, "daemon", "--status");
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return check.exitValue() + " " + Files.readString(said).strip();
  }

  static String said(Path out) {
    try {
      return Files.readString(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void awaitExit(Process daemon) throws InterruptedException {
    if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
      daemon.destroyForcibly();
      throw new AssertionError("the daemon did not stop within 60 s of SIGTERM");
    }
  }

  @Test
  void on_sigterm_a_run_under_way_finishes_within_the_grace_and_is_recorded() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"job": {"type": "shell", "every": "1h",
                 "command": "touch started; until [ -e release ]; do sleep 0.1; done; echo finished"}}
        """);
    Path out = home.resolve("daemon.out");
    Process daemon = jar.start(out, "daemon");
    PackagedJar.awaitTrue(
        "the run to start",
        Duration.ofSeconds(30),
        () -> Files.exists(home.resolve("started")) && running("job"));

    // one daemon per home: a second is turned away with exit code 3
    assertThat(jar.run("daemon")).isEqualTo(3);
    // the health check Docker runs
    assertThat(status()).startsWith("0 runner daemon pid " + daemon.pid() + " serves ");

    daemon.destroy(); // SIGTERM
    PackagedJar.awaitTrue(
        "the daemon to wait for the run",
        Duration.ofSeconds(30),
        () -> said(out).contains("stopping: waiting up to 30 s for 1 run(s) under way"));
    Files.createFile(home.resolve("release")); // the run ends inside the grace
    awaitExit(daemon);
    assertThat(status()).startsWith("1 no runner daemon serves ");
    assertThat(rows("job"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
              assertThat(r.message()).contains("finished");
            });
    assertThat(Files.readString(out))
        .contains("daemon started")
        .contains("end   job run=1 status=success")
        .contains("daemon stopped");
  }

  @Test
  void on_sigterm_a_run_outlasting_the_grace_is_stopped_with_its_children_and_recorded()
      throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"long": {"type": "shell", "every": "1h",
                  "command": "sleep 300 & echo $! > child.pid; sleep 300"}}
        """);
    Process daemon = jar.start(home.resolve("daemon.out"), "daemon", "--grace", "1s");
    PackagedJar.awaitTrue(
        "the run to start",
        Duration.ofSeconds(30),
        () -> Files.exists(home.resolve("child.pid")) && running("long"));
    long child = Long.parseLong(Files.readString(home.resolve("child.pid")).strip());
    try {
      daemon.destroy();
      awaitExit(daemon);
      assertThat(daemon.exitValue()).isEqualTo(143); // 128 + SIGTERM, as systemd expects
      assertThat(rows("long"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(RunStatus.TECHNICAL_FAILURE);
                assertThat(r.message()).contains("stopped: runner was shutting down");
                assertThat(r.endTime()).isNotNull();
              });
      PackagedJar.awaitTrue(
          "the task's background child to be gone",
          Duration.ofSeconds(15),
          () -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
    } finally {
      ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void with_listen_one_process_runs_the_schedule_and_serves_the_api_and_stops_both_on_sigterm()
      throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"job": {"type": "shell", "cron": "0 3 1 1 *", "command": "echo from the browser"}}
        """);
    Path out = home.resolve("daemon.out");
    Process daemon = jar.start(out, "daemon", "--listen", "127.0.0.1:0");
    PackagedJar.awaitTrue(
        "the daemon to say its URL",
        Duration.ofSeconds(30),
        () -> !daemon.isAlive() || said(out).contains("/\n"));
    String first = said(out).lines().findFirst().orElse("");
    assertThat(first).startsWith("runner web: http://127.0.0.1:");
    URI url = URI.create(first.substring("runner web: ".length()));
    HttpClient client = HttpClient.newHttpClient();
    try {
      HttpResponse<String> tasks =
          client.send(
              HttpRequest.newBuilder(url.resolve("/api/v1/tasks")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(tasks.body()).contains("\"name\":\"job\"");
      HttpResponse<String> run =
          client.send(
              HttpRequest.newBuilder(url.resolve("/api/v1/tasks/job/run"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(run.statusCode()).isEqualTo(202);
      PackagedJar.awaitTrue(
          "the run started from the API to succeed",
          Duration.ofSeconds(30),
          () -> new PackagedJar(home).hasStatus("job", RunStatus.SUCCESS));
      assertThat(status()).startsWith("0 runner daemon pid " + daemon.pid() + " serves ");
    } finally {
      daemon.destroy();
      awaitExit(daemon);
    }
    assertThat(said(out)).contains("daemon started").contains("daemon stopped");
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(url.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }
}
