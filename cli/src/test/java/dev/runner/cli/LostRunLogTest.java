package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run log removed during or after its run is made again, or its loss told, never "nothing". */
class LostRunLogTest {

  @TempDir Path home;

  @Test
  void logs_removed_mid_run_are_made_again_and_the_history_says_so() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"job": {"type": "shell",
                         "command": "echo one; echo two; until [ -s \\"$RUNNER_HOME/logs/runs/job/$RUNNER_RUN_ID.log\\" ]; do sleep 0.01; done; rm -rf \\"$RUNNER_HOME/logs/runs\\"; echo three"}}
                """);
    Cli.Result run = cli.run("run", "job");
    assertThat(run.code()).as(run.toString()).isZero();
    Map<String, Object> row = cli.history("--task", "job").get(0);
    assertThat(row.get("message").toString()).contains("was removed during the run");

    Cli.Result logs = cli.run("logs", row.get("id").toString());
    assertThat(logs.code()).isZero();
    assertThat(logs.out()).contains("was removed during the run").contains("one\ntwo\nthree");
  }

  @Test
  void a_log_gone_after_the_run_shows_the_lines_the_history_kept() throws Exception {
    Cli cli =
        new Cli(home)
            .config("{\"job\": {\"type\": \"shell\", \"command\": \"echo one; echo two\"}}");
    assertThat(cli.run("run", "job").code()).isZero();
    Object id = cli.history("--task", "job").get(0).get("id");
    Files.delete(home.resolve("logs/runs/job/" + id + ".log"));

    Cli.Result logs = cli.run("logs", id.toString());
    assertThat(logs.code()).isZero();
    assertThat(logs.err()).contains("is gone").doesNotContain("printed nothing");
    assertThat(logs.out()).isEqualTo("one\ntwo\n");
  }
}
