package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runner logs ID --tail N / --head N}: a part of a run's output, and their mistakes. */
class LogsOptionsTest {

  @TempDir Path home;

  @Test
  void tail_and_head_print_the_last_and_first_lines() throws Exception {
    Cli cli =
        new Cli(home)
            .config("{\"job\": {\"type\": \"shell\", \"command\": \"seq 1 1000; echo 完成\"}}");
    assertThat(cli.run("run", "job").code()).isZero();
    String id = cli.history("--task", "job").get(0).get("id").toString();

    Cli.Result tail = cli.run("logs", id, "--tail", "3");
    assertThat(tail.code()).as(tail.toString()).isZero();
    assertThat(tail.out()).isEqualTo("999\n1000\n完成\n");
    assertThat(cli.run("logs", id, "--head", "2").out()).isEqualTo("1\n2\n");
    assertThat(cli.run("logs", id).out()).startsWith("1\n2\n3\n").endsWith("1000\n完成\n");

    Cli.Result both = cli.run("logs", id, "--head", "1", "--tail", "1");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--head and --tail: give one of them");
    Cli.Result negative = cli.run("logs", id, "--tail", "-1");
    assertThat(negative.code()).isEqualTo(2);
  }
}
