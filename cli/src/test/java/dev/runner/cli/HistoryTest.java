package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history --task}: a typo, a task that has not run yet, and one removed from the config. */
class HistoryTest {

  @TempDir Path home;

  @Test
  void a_task_neither_configured_nor_in_the_history_is_a_mistake_with_a_did_you_mean()
      throws Exception {
    Cli cli = new Cli(home).config("{\"hello\": {\"type\": \"shell\", \"command\": \"echo hi\"}}");
    for (String[] args :
        new String[][] {{"history", "--task", "helo"}, {"history", "--task", "helo", "--json"}}) {
      Cli.Result history = cli.run(args);
      assertThat(history.code()).as(history.toString()).isEqualTo(2);
      assertThat(history.out()).isEmpty();
      assertThat(history.err())
          .isEqualTo(
              "runner: --task: no task named \"helo\" in tasks_config.json and no runs of one in"
                  + " the history; did you mean \"hello\"?\n");
    }
  }

  @Test
  void a_configured_task_that_has_not_run_has_no_runs_yet() throws Exception {
    Cli cli = new Cli(home).config("{\"hello\": {\"type\": \"shell\", \"command\": \"echo hi\"}}");
    Cli.Result history = cli.run("history", "--task", "hello");
    assertThat(history.code()).as(history.toString()).isZero();
    assertThat(history.out()).isEqualTo("no runs yet\n");
    assertThat(cli.run("history", "--task", "hello", "--json").out().strip()).isEqualTo("[ ]");
  }

  @Test
  void a_task_removed_from_the_config_still_shows_its_history() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"hello": {"type": "shell", "command": "echo hi"},
                 "old": {"type": "shell", "command": "echo gone soon"}}
                """);
    assertThat(cli.run("run", "old").code()).isZero();
    cli.config("{\"hello\": {\"type\": \"shell\", \"command\": \"echo hi\"}}");
    Cli.Result history = cli.run("history", "--task", "old");
    assertThat(history.code()).as(history.toString()).isZero();
    assertThat(history.out()).contains("old").contains("success").contains("gone soon");
    // a filter that matches none of its rows is no reason to call it unknown
    Cli.Result failed = cli.run("history", "--task", "old", "--status", "failed");
    assertThat(failed.code()).as(failed.toString()).isZero();
    assertThat(failed.out()).isEqualTo("no runs yet\n");
  }
}
