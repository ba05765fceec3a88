package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel type that runner does not build in, found through ServiceLoader as a plugin's would be:
 * {@code dev.runner.testing.RecordingChannelType}, registered in the test resources.
 */
class ChannelPluginTest {

  static final String KEY = "rk-4f9c2a7e1b";

  @TempDir Path home;

  Cli cli(String channel) throws Exception {
    return new Cli(home)
        .config(
            """
            {"backup": {"type": "shell", "cron": "0 * * * *", "command": "exit 2",
              "notify": [{"name": "ops", "triggers": ["technical_failure"],
                "channels": [%s]}]}}
            """
                .formatted(channel))
        .dotenv("RECORDER_KEY=" + KEY + "\n");
  }

  @Test
  void a_channel_type_from_a_service_registration_sends_a_rules_event() throws Exception {
    Path sent = home.resolve("sent.txt");
    Cli cli =
        cli(
            """
            {"type": "recording", "file": "%s",
             "text_template": "{{task_id}} {{event}} {{threshold_count}} in a row, rule {{rule_name}}"}
            """
                .formatted(sent));
    cli.at("2026-11-23T09:30:00Z").run("tick");
    Cli.Result tick = cli.at("2026-11-23T10:00:05Z").run("tick");
    assertThat(tick.code()).as(tick.toString()).isEqualTo(ExitCode.TASK_FAILED);

    assertThat(Files.readAllLines(sent, StandardCharsets.UTF_8))
        .containsExactly("backup technical_failure 1 in a row, rule ops");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notified =
        (List<Map<String, Object>>)
            ((Map<String, Object>) cli.history().get(0).get("message")).get("notifications");
    assertThat(notified).hasSize(1);
    assertThat(notified.get(0))
        .containsEntry("rule", "ops")
        .containsEntry("channel", "recording")
        .containsEntry("ok", true);
    // the channel's answer is masked like a built-in one's, and it had the Notifier's bound
    assertThat((String) notified.get(0).get("answer"))
        .isEqualTo(
            "recorded \"backup technical_failure 1 in a row, rule ops\" with key ***"
                + " within 10 s");
    assertThat(cli.run("history").out()).contains("[notified ops/recording ok]");

    Cli.Result test = cli.run("notify", "test", "backup");
    assertThat(test.code()).as(test.toString()).isZero();
    assertThat(test.out()).contains("rule ops -> recording: ok (recorded \"backup test 1");
    assertThat(test.out()).doesNotContain(KEY);
    assertThat(Files.readAllLines(sent, StandardCharsets.UTF_8))
        .endsWith("backup test 1 in a row, rule ops");
  }

  @Test
  void a_channel_type_reads_and_checks_its_own_fields_with_positions() throws Exception {
    Cli cli =
        cli(
            """
            {"type": "recording", "txt_template": "x"},
                {"type": "recording", "file": "sent.txt", "text_template": "{{task_nme}}"}""");
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).as(validate.toString()).isEqualTo(2);
    assertThat(validate.err())
        .contains(
            "tasks_config.json:3:40: backup.notify[0].channels[0].txt_template: unknown field;"
                + " did you mean \"text_template\"?")
        .contains(
            "tasks_config.json:3:18: backup.notify[0].channels[0]: a recording channel needs a"
                + " file")
        .contains(
            "tasks_config.json:4:64: backup.notify[0].channels[1].text_template: unknown variable"
                + " {{task_nme}}; did you mean \"task_name\"?");
  }

  @Test
  void an_unknown_channel_type_is_a_config_problem_with_a_did_you_mean() throws Exception {
    Cli cli = cli("{\"type\": \"recordin\", \"file\": \"sent.txt\"}, {\"type\": \"emial\"}");
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).as(validate.toString()).isEqualTo(2);
    assertThat(validate.err())
        .contains(
            "backup.notify[0].channels[0].type: unknown channel type \"recordin\"; did you mean"
                + " \"recording\"? known types: email, recording, webhook")
        .contains(
            "backup.notify[0].channels[1].type: unknown channel type \"emial\"; did you mean"
                + " \"email\"? known types: email, recording, webhook");
  }
}
