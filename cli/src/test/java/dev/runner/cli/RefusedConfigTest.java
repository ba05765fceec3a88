package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config that could never work is refused by validate, with where and why, not by the tick. */
class RefusedConfigTest {

  @TempDir Path home;

  Cli.Result validate(String task) throws Exception {
    return new Cli(home).config("{\"t\": " + task + "}").run("validate");
  }

  @Test
  void a_cron_that_never_matches_a_real_date_is_refused() throws Exception {
    for (String cron : new String[] {"0 0 30 2 *", "0 0 31 4 *"}) {
      Cli.Result result =
          validate("{\"type\": \"shell\", \"cron\": \"" + cron + "\", \"command\": \"true\"}");
      assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(result.err())
          .contains("tasks_config.json:1:")
          .contains("t.cron")
          .contains("never matches");
    }
  }

  @Test
  void a_rare_cron_that_does_match_passes() throws Exception {
    Cli.Result result =
        validate("{\"type\": \"shell\", \"cron\": \"0 0 29 2 *\", \"command\": \"true\"}");
    assertThat(result.code()).as(result.toString()).isZero();
  }

  @Test
  void a_nul_character_in_a_command_or_argv_is_refused_with_its_path() throws Exception {
    Cli.Result command =
        validate("{\"type\": \"shell\", \"cron\": \"0 0 * * *\", \"command\": \"echo a\\u0000b\"}");
    assertThat(command.code()).as(command.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(command.err()).contains("t.command").contains("NUL character");
    Cli.Result argv =
        validate(
            "{\"type\": \"shell\", \"cron\": \"0 0 * * *\", \"argv\": [\"echo\", \"a\\u0000\"]}");
    assertThat(argv.code()).as(argv.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(argv.err()).contains("t.argv[1]").contains("NUL character");
    assertThat(Files.exists(home.resolve("task_log.db"))).isFalse();
  }

  @Test
  void parser_internals_never_reach_the_user_and_absurd_numbers_are_refused() throws Exception {
    String shell = "\"type\": \"shell\", \"cron\": \"0 0 * * *\", \"command\": \"true\"";
    String[] tasks = {
      "{" + shell + ", \"max_executions\": 99999999999999999999999}",
      "{" + shell + ", \"max_executions\": NaN}",
      "{" + shell + ", \"timeout\": \"99999999999999999999s\"}",
      "{" + shell + ", \"timeout\": \"9999999999999999s\"}",
      "[".repeat(3000) + "]".repeat(3000)
    };
    for (String task : tasks) {
      Cli.Result result = validate(task);
      assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(result.err())
          .as(result.toString())
          .contains("tasks_config.json:1:")
          .doesNotContain("StreamReadConstraints")
          .doesNotContain("JsonReadFeature")
          .doesNotContain("For input string")
          .doesNotContain("Exception");
    }
  }
}
