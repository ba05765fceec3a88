package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The habits every command keeps: {@code --json} with the keys the README documents, in that order
 * (scripts rely on them); colour only on a terminal, never with NO_COLOR or TERM=dumb.
 */
class OutputHabitsTest {

  @TempDir Path home;

  Cli cli() throws Exception {
    Cli cli = new Cli(home);
    cli.config(
        """
        {"job": {"type": "shell", "every": "1h", "command": "echo hi"},
         "bad": {"type": "shell", "every": "1h", "command": "exit 1"}}
        """);
    assertThat(cli.run("tick").code()).isEqualTo(1);
    return cli;
  }

  static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  JsonNode json(Cli cli, String... args) throws Exception {
    Cli.Result result = cli.run(args);
    assertThat(result.err()).as(result.toString()).isEmpty();
    return new ObjectMapper().readTree(result.out());
  }

  @Test
  void every_json_output_has_its_documented_keys_in_order() throws Exception {
    Cli cli = cli();
    assertThat(keys(json(cli, "list", "--json").get(0)))
        .containsExactly(
            "name",
            "enabled",
            "type",
            "schedule",
            "timezone",
            "next_run",
            "last_status",
            "running",
            "successes",
            "failures",
            "description",
            "state_ahead",
            "problems",
            "schedule_parts",
            "recent",
            "hosts");
    assertThat(keys(json(cli, "history", "--json").get(0)))
        .containsExactly(
            "id",
            "task_name",
            "status",
            "run_time",
            "duration",
            "scheduled_for",
            "attempt",
            "trigger",
            "upstream_run_id",
            "window_start",
            "window_end",
            "end_time",
            "host",
            "pid",
            "message");
    assertThat(keys(json(cli, "stats", "--json").get(0)))
        .containsExactly(
            "task",
            "runs",
            "success_rate",
            "p50_seconds",
            "p95_seconds",
            "last_failure",
            "recent",
            "daily");
    assertThat(keys(json(cli, "validate", "--json")))
        .containsExactly("valid", "tasks", "problems", "warnings");
    assertThat(json(cli, "next", "job", "--json", "-n", "2").get(1).asText())
        .isEqualTo("2026-11-23T12:00:00Z");
    assertThat(json(cli, "cron", "0 8 * * 1", "--json", "-n", "1").get(0).asText())
        .isEqualTo("2026-11-30T08:00:00Z");

    cli.config("{\"x\": {\"type\": \"shel\"}}");
    Cli.Result invalid = cli.run("validate", "--json");
    assertThat(invalid.code()).isEqualTo(2);
    JsonNode answer = new ObjectMapper().readTree(invalid.out());
    assertThat(keys(answer)).containsExactly("valid", "tasks", "problems", "warnings");
    assertThat(keys(answer.get("problems").get(0)))
        .containsExactly("file", "line", "column", "path", "message", "hint");
  }

  @Test
  void every_json_time_is_iso_to_the_second_with_the_home_zones_offset() throws Exception {
    Cli cli = new Cli(home);
    cli.env.put("RUNNER_TIMEZONE", "Asia/Shanghai");
    cli.config(
        """
        {"job": {"type": "shell", "every": "1h", "command": "echo hi"},
         "bad": {"type": "shell", "every": "1h", "command": "exit 2",
                 "retries": {"max": 1, "backoff": "5m"}},
         "win": {"type": "shell", "every": "1h", "window": true, "start_time": "2026-11-23T17:00",
                 "command": "echo window"}}
        """);
    cli.at("2026-11-23T09:30:00Z").run("tick"); // the window task's first sight
    cli.at("2026-11-23T10:00:00.123456789Z").run("tick");
    List<String> times = new ArrayList<>();
    for (String[] command :
        new String[][] {
          {"history", "--json"},
          {"stats", "--json"},
          {"list", "--json"},
          {"status", "--json"},
          {"next", "job", "--json"},
          {"cron", "0 8 * * *", "--tz", "Asia/Shanghai", "--json"}
        }) {
      Cli.Result result = cli.run(command);
      times(new ObjectMapper().readTree(result.out()), times);
    }
    assertThat(times)
        .hasSizeGreaterThan(20)
        .allSatisfy(t -> assertThat(t).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"))
        .contains(
            "2026-11-23T18:00:00+08:00", // now, run_time, scheduled_for, window_end
            "2026-11-23T17:00:00+08:00", // window_start
            "2026-11-23T18:05:01+08:00", // the retry's due_at and message.retry.at
            "2026-11-23T19:00:00+08:00", // next_run
            "2026-11-24T08:00:00+08:00"); // cron
  }

  /** Every text in {@code node} that starts as a date-time does. */
  private static void times(JsonNode node, List<String> out) {
    if (node.isTextual() && node.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
      out.add(node.asText());
    }
    node.forEach(child -> times(child, out));
  }

  @Test
  void colour_only_on_a_terminal_and_never_with_no_color_or_a_dumb_terminal() throws Exception {
    Cli cli = cli();
    cli.terminal = true;
    assertThat(cli.run("stats").out()).contains("\u001b[");
    cli.env.put("TERM", "dumb");
    assertThat(cli.run("stats").out()).doesNotContain("\u001b[");
    cli.env.remove("TERM");
    cli.env.put("NO_COLOR", "1");
    assertThat(cli.run("stats").out()).doesNotContain("\u001b[");
    cli.env.remove("NO_COLOR");
    cli.terminal = false;
    assertThat(cli.run("stats").out()).doesNotContain("\u001b[");
  }
}
