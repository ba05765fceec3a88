package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line, said in runner's words: the option, the value, what it takes. */
class UsageWordsTest {

  @TempDir Path home;
  Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(home).config("{\"hello\": {\"type\": \"shell\", \"command\": \"echo hi\"}}");
  }

  /** The two lines a mistake prints, with exit 2 and nothing on stdout. */
  private void says(String line, String command, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.code()).as(result.toString()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("runner: " + line + "\nTry 'runner " + command + "--help'.\n");
  }

  @Test
  void a_value_of_the_wrong_kind_names_the_option_the_value_and_what_it_takes() {
    says("--limit: 'abc' is not a whole number", "history ", "history", "--limit", "abc");
    says("--days: '1.5' is not a whole number", "stats ", "stats", "--days", "1.5");
    says("RUN_ID: 'abc' is not a whole number", "logs ", "logs", "abc");
    says("--json: '3' is not true or false", "history ", "history", "--json=3");
    says(
        "--param: 'x' is not KEY=VALUE; write e.g. --param days=7",
        "run ",
        "run",
        "hello",
        "--param",
        "x");
  }

  @Test
  void a_missing_value_or_argument_says_what_is_missing() {
    says("--param needs a value: KEY=VALUE", "run ", "run", "hello", "--param");
    says("--task needs a value: TASK", "history ", "history", "--task");
    says(
        "--task needs a value: TASK; found the option --json instead",
        "history ",
        "history",
        "--task",
        "--json");
    says("--home needs a value: DIR", "", "--home");
    says("`runner run` needs TASK (the task's name)", "run ", "run");
  }

  @Test
  void an_unknown_option_or_command_keeps_its_did_you_mean() {
    says(
        "--lmit: not an option of `runner history`; did you mean \"--limit\"?",
        "history ",
        "history",
        "--lmit",
        "3");
    says(
        "--lmit: not an option of `runner history`; did you mean \"--limit\"?",
        "history ",
        "history",
        "--lmit=3");
    says("'lsit' is not a command; did you mean \"list\"?", "", "lsit");
    says(
        "'systmd' is not a command of `runner install`; did you mean \"systemd\"?",
        "install ",
        "install",
        "systmd");
    says("'extra': `runner list` takes no more arguments", "list ", "list", "extra");
  }
}
