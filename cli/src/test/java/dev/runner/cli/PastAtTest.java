package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An `at` that has passed is valid but cannot be meant: validate warns, and says what to do. */
class PastAtTest {

  @TempDir Path home;

  Cli.Result validate(String at, String... args) throws Exception {
    return new Cli(home)
        .config("{\"once\": {\"type\": \"shell\", \"at\": \"" + at + "\", \"command\": \"true\"}}")
        .at("2026-11-23T10:00:00Z")
        .run(args.length == 0 ? new String[] {"validate"} : args);
  }

  @Test
  void an_at_in_the_past_is_a_warning_with_its_path_and_the_way_out() throws Exception {
    Cli.Result result = validate("2026-11-01T08:00:00");
    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.err())
        .contains("warning: tasks_config.json: tasks.once.at: 2026-11-01 08:00:00 has passed")
        .contains("runner run once");
    assertThat(validate("2026-11-01T08:00:00", "validate", "--json").out())
        .contains("\"warnings\"")
        .contains("tasks.once.at");
  }

  @Test
  void an_at_still_to_come_gives_no_warning() throws Exception {
    Cli.Result result = validate("2026-12-01T08:00:00");
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
  }
}
