package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A `tick --now` in the future is said, seen, and undone; it never stops tasks silently. */
class StateAheadTest {

  @TempDir Path home;

  static final String HELLO =
      "{\"hello\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"echo hi\"}}";

  @Test
  void a_future_now_is_warned_reported_once_listed_and_undone_by_state_reset() throws Exception {
    Cli cli = new Cli(home).config(HELLO).at("2026-11-23T10:00:01Z");
    assertThat(cli.run("tick").code()).isZero();

    Cli.Result future = cli.run("tick", "--now", "2026-11-24T10:00:00Z");
    assertThat(future.err())
        .contains("--now is 23 h ahead of the clock")
        .contains("runner state reset --all");

    Cli.Result first = cli.at("2026-11-23T10:01:01Z").run("tick");
    assertThat(first.code()).isZero();
    assertThat(first.err())
        .contains("hello: its state is 23 h ahead of the clock")
        .contains("`runner state reset hello` brings it back");
    Cli.Result second = cli.at("2026-11-23T10:02:01Z").run("tick");
    assertThat(second.err()).as("said once, not every minute").doesNotContain("ahead");
    assertThat(cli.history("--task", "hello")).hasSize(2); // the first tick and the future one

    Cli.Result list = cli.run("list");
    assertThat(list.out()).contains("2026-11-24 10:01").contains("23 h ahead of the clock");
    assertThat(cli.run("tick", "--dry-run").out()).contains("hello: its state is 23 h ahead");

    Cli.Result reset = cli.at("2026-11-23T10:02:30Z").run("state", "reset", "hello");
    assertThat(reset.code()).as(reset.toString()).isZero();
    assertThat(reset.out())
        .contains("hello: moved its watermark from 2026-11-24 10:00:00 (23 h ahead) back to now")
        .contains("next fire 2026-11-23 10:03:00");
    assertThat(cli.at("2026-11-23T10:03:01Z").run("tick").err()).doesNotContain("ahead");
    assertThat(cli.history("--task", "hello")).hasSize(3);

    assertThat(cli.run("state", "reset", "hello").out())
        .contains("hello: its state is not ahead of the clock; left as it is");
    assertThat(cli.run("state", "reset", "--all").out())
        .contains("no task's state is ahead of the clock");
    assertThat(cli.run("state", "reset").code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.run("state", "reset", "nope").err()).contains("no task named nope");
  }
}
