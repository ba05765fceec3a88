package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RUNNER_MAX_OUTPUT}: a run that prints more keeps its first and last half in its log, a
 * marker between, and its history says how much was dropped; a bad value is a config problem.
 */
class OutputCapTest {

  @TempDir Path home;

  @Test
  void a_run_printing_past_the_cap_keeps_head_and_tail_and_its_history_says_what_was_dropped()
      throws Exception {
    CliHarness cli =
        new CliHarness(home)
            .config("{\"chatty\": {\"type\": \"shell\", \"command\": \"seq 1 200000; echo 结束\"}}")
            .env("RUNNER_MAX_OUTPUT", "64KB");
    CliHarness.Result run = cli.run("run", "chatty");
    assertThat(run.code()).as(run.toString()).isZero();

    Map<String, Object> row = cli.lastRow();
    Path log = home.resolve("logs/runs/chatty/" + row.get("id") + ".log");
    assertThat(Files.size(log)).isLessThan(64 * 1024 + 300);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines.get(0)).isEqualTo("1");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("结束");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[runner: ").contains("dropped"));
    @SuppressWarnings("unchecked")
    Map<String, Object> dropped = (Map<String, Object>) cli.lastMessage().get("output_dropped");
    assertThat(((Number) dropped.get("lines")).longValue())
        .isEqualTo(200_001L - (lines.size() - 1));
    assertThat(((Number) dropped.get("cap_bytes")).longValue()).isEqualTo(64 * 1024);
    assertThat(cli.lastMessage().get("output_tail").toString()).endsWith("200000\n结束");
  }

  @Test
  void a_size_that_is_not_one_is_refused_with_its_line() throws Exception {
    Cli cli = new Cli(home).config("{\"job\": {\"type\": \"shell\", \"command\": \"true\"}}");
    Files.writeString(home.resolve(".env"), "RUNNER_MAX_OUTPUT=lots\n");
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains(".env:1")
        .contains("RUNNER_MAX_OUTPUT")
        .contains("'lots' is not a size");
  }
}
