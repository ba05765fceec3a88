package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runner logs ID --follow}: the lines of a running run as they come, ending with it. */
class LogsFollowTest {

  @TempDir Path home;

  @Test
  void follow_prints_what_comes_while_the_run_runs_and_ends_when_it_ends() throws Exception {
    Path gate = home.resolve("gate");
    new ProcessBuilder("mkfifo", gate.toString()).start().waitFor();
    String config =
        "{\"job\": {\"type\": \"shell\", \"command\": \"echo 第一行; read word < "
            + gate
            + "; echo 第二行 $word\"}}";
    Cli runner = new Cli(home).config(config);
    CompletableFuture<Cli.Result> run =
        CompletableFuture.supplyAsync(() -> runner.run("run", "job"));
    Path log = home.resolve("logs/runs/job/1.log");
    PackagedJar.awaitTrue(
        "the run's first line",
        Duration.ofSeconds(30),
        () -> Files.exists(log) && readable(log).contains("第一行"));

    Cli follower = new Cli(home);
    CompletableFuture<Cli.Result> follow =
        CompletableFuture.supplyAsync(() -> follower.run("logs", "1", "--follow"));
    assertThat(follow).as("it waits for the run").isNotDone();
    Files.writeString(gate, "go\n");

    assertThat(run.get(30, TimeUnit.SECONDS).code()).isZero();
    Cli.Result followed = follow.get(30, TimeUnit.SECONDS);
    assertThat(followed.code()).as(followed.toString()).isZero();
    assertThat(followed.out()).isEqualTo("第一行\n第二行 go\n");

    Cli.Result ended = new Cli(home).run("logs", "1", "--follow");
    assertThat(ended.out()).as("an ended run's log is printed at once").isEqualTo("第一行\n第二行 go\n");
    assertThat(new Cli(home).run("logs", "1", "--follow", "--tail", "1").code()).isEqualTo(2);
  }

  private static String readable(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
