package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications against a real SMTP server (GreenMail) and an HTTP receiver on loopback. */
class NotificationTest {

  @TempDir Path home;
  GreenMail mail;
  HttpServer http;
  final List<String> received = new CopyOnWriteArrayList<>();
  volatile int answer = 200;

  @BeforeEach
  void start() throws Exception {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = (answer == 200 ? "ok" : "boom").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    http.start();
  }

  @AfterEach
  void stop() {
    mail.stop();
    http.stop(0);
  }

  Cli cli(String rules) throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"backup": {"type": "shell", "cron": "0 * * * *", "description": "备份",
                  "command": "echo 'said \\"hi\\"'; echo 中文 line; [ -f ok ] || exit 2",
                  "notify": %s}}
                """
                    .formatted(rules))
            .dotenv(
                "SMTP_HOST=127.0.0.1\nSMTP_PORT=%d\nSMTP_FROM=runner@home.lan\n"
                    .formatted(mail.getSmtp().getPort()));
    cli.at("2026-11-23T09:30:00Z").run("tick");
    return cli;
  }

  String hook() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
  }

  Cli.Result tickAt(Cli cli, int hour) {
    return cli.at("2026-11-23T%02d:00:05Z".formatted(hour)).run("tick");
  }

  @Test
  void a_threshold_of_three_mails_once_on_the_third_failure_and_once_on_recovery()
      throws Exception {
    Cli cli =
        cli(
            """
            [{"name": "ops", "triggers": ["technical_failure", "recovered"], "threshold": 3,
              "channels": [{"type": "email", "recipients": ["me@home.lan", "you@home.lan"]},
                           {"type": "webhook", "url": "%s"}]}]
            """
                .formatted(hook()));
    tickAt(cli, 10);
    tickAt(cli, 11);
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(received).isEmpty();

    assertThat(tickAt(cli, 12).code()).isEqualTo(1);
    MimeMessage[] messages = mail.getReceivedMessages();
    assertThat(messages).hasSize(2); // one message, two recipients
    MimeMessage first = messages[0];
    assertThat(first.getSubject()).isEqualTo("[runner] backup: technical_failure");
    assertThat(first.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("me@home.lan", "you@home.lan");
    // SMTP carries lines as CRLF; the text itself is what the template made
    assertThat(
            new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replace("\r\n", "\n"))
        .contains("Task backup (备份): technical_failure")
        .contains("3 in a row, rule ops")
        .contains("said \"hi\"\n中文 line");

    assertThat(received).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(received.get(0));
    assertThat(json.get("event").asText()).isEqualTo("technical_failure");
    assertThat(json.get("threshold_count").asText()).isEqualTo("3");
    assertThat(json.get("log_tail").asText()).isEqualTo("said \"hi\"\n中文 line");
    assertThat(json.get("task_name").asText()).isEqualTo("备份");

    tickAt(cli, 13);
    assertThat(mail.getReceivedMessages()).hasSize(2);
    assertThat(received).hasSize(1);

    Files.createFile(home.resolve("ok"));
    assertThat(tickAt(cli, 14).code()).isZero();
    assertThat(mail.getReceivedMessages()).hasSize(4);
    assertThat(mail.getReceivedMessages())
        .extracting(MimeMessage::getSubject)
        .containsOnly("[runner] backup: technical_failure", "[runner] backup: recovered")
        .filteredOn(subject -> subject.endsWith("recovered"))
        .hasSize(2);
    assertThat(new ObjectMapper().readTree(received.get(1)).get("event").asText())
        .isEqualTo("recovered");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> third =
        (List<Map<String, Object>>)
            ((Map<String, Object>) cli.history().get(2).get("message")).get("notifications");
    assertThat(third)
        .extracting(d -> d.get("rule") + " " + d.get("channel") + " " + d.get("ok"))
        .containsExactly("ops email true", "ops webhook true");
    assertThat(cli.run("history").out()).contains("[notified ops/email ok, ops/webhook ok]");
  }

  @Test
  void a_failing_channel_is_recorded_and_never_fails_the_run() throws Exception {
    Files.createFile(home.resolve("ok"));
    answer = 500;
    Cli cli =
        cli(
            """
            [{"name": "done", "triggers": ["success"],
              "channels": [{"type": "webhook", "preset": "slack", "url": "%s"},
                           {"type": "webhook", "url": "http://127.0.0.1:1/nothing-here"}]}]
            """
                .formatted(hook()));
    Cli.Result tick = tickAt(cli, 10);
    assertThat(tick.code()).as(tick.toString()).isZero();
    Map<String, Object> run = cli.history().get(0);
    assertThat(run.get("status")).isEqualTo("success");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sent =
        (List<Map<String, Object>>) ((Map<String, Object>) run.get("message")).get("notifications");
    assertThat(sent).hasSize(2).allMatch(d -> Boolean.FALSE.equals(d.get("ok")));
    assertThat((String) sent.get(0).get("answer")).startsWith("HTTP 500");
    assertThat(sent.get(0).get("channel")).isEqualTo("webhook (slack)");
    // the slack body is valid JSON with the text in it
    assertThat(new ObjectMapper().readTree(received.get(0)).get("text").asText())
        .startsWith("[runner] backup: success");
  }

  @Test
  void notify_test_sends_a_sample_through_every_channel() throws Exception {
    Cli cli =
        cli(
            """
            [{"name": "ops", "triggers": ["timeout"],
              "channels": [{"type": "email", "recipients": "me@home.lan"},
                           {"type": "webhook", "preset": "dingtalk", "url": "%s"}]}]
            """
                .formatted(hook()));
    Cli.Result test = cli.run("notify", "test", "backup");
    assertThat(test.code()).as(test.toString()).isZero();
    assertThat(test.out())
        .contains("rule ops -> email: ok (sent to me@home.lan")
        .contains("rule ops -> webhook (dingtalk): ok (HTTP 200: ok)");
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("[runner] backup: test");
    assertThat(new ObjectMapper().readTree(received.get(0)).at("/text/content").asText())
        .contains("quotes \"like this\" and 中文 stay intact");
  }

  @Test
  void rules_and_channels_are_validated() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"t": {"type": "shell", "command": "true", "notify": [
                  {"triggers": ["technical_faliure"], "channels": [
                    {"type": "email", "recipients": ["me@home.lan"], "subject_template": "{{task_nme}}"},
                    {"type": "webhook", "preset": "slak", "url": "http://x"},
                    {"type": "sms"}]}]}}
                """);
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains(
            "t.notify[0].triggers: unknown trigger \"technical_faliure\"; did you mean \"technical_failure\"?")
        .contains("t.notify[0].channels[0]: an email channel needs SMTP_HOST")
        .contains(
            "t.notify[0].channels[0].subject_template: unknown variable {{task_nme}}; did you mean \"task_name\"?")
        .contains(
            "t.notify[0].channels[1].preset: unknown preset \"slak\"; did you mean \"slack\"?")
        .contains("t.notify[0].channels[2].type: unknown channel type \"sms\"");
  }

  @Test
  void email_goes_over_ssl_when_asked() throws Exception {
    GreenMail smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
    smtps.start();
    try {
      Cli cli =
          new Cli(home)
              .config(
                  """
                  {"t": {"type": "shell", "command": "true", "notify": [
                    {"triggers": ["success"],
                     "channels": [{"type": "email", "recipients": ["me@home.lan"]}]}]}}
                  """)
              .dotenv(
                  "SMTP_HOST=127.0.0.1\nSMTP_PORT=%d\nSMTP_SSL=true\nSMTP_SSL_TRUST=127.0.0.1\n"
                          .formatted(smtps.getSmtps().getPort())
                      + "SMTP_USER=runner@home.lan\nSMTP_PASSWORD=secret-pw\n");
      smtps.setUser("runner@home.lan", "runner@home.lan", "secret-pw");
      Cli.Result test = cli.run("notify", "test", "t");
      assertThat(test.code()).as(test.toString()).isZero();
      assertThat(smtps.getReceivedMessages()).hasSize(1);
      assertThat(smtps.getReceivedMessages()[0].getFrom()[0].toString())
          .isEqualTo("runner@home.lan");
    } finally {
      smtps.stop();
    }
  }
}
