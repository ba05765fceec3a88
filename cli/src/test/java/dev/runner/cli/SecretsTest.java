package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets from {@code .env}, from the process environment and named by {@code RUNNER_SECRETS} go
 * through every task type (shell, argv, http, dify_workflow, daily_journal, backup), a webhook and
 * an email channel whose peers echo what they get, and through every command that prints: none of
 * them, in clear, percent-encoded or base64, is in any file of the home but {@code .env}, in any
 * command's output, or in what was sent.
 */
class SecretsTest {

  /** A {@code .env} entry whose name marks it. */
  static final String NOTION = "secret_notion_ab/c+d=";

  /** Only in the process environment, as Docker's {@code -e} passes it. */
  static final String GITHUB = "ghp_process/tok+en1";

  /** Named by {@code RUNNER_SECRETS}: its name marks nothing. */
  static final String DB_URL = "postgres://u:hunter22@db/x";

  static final String SMTP = "smtp_pass_word9";

  static final String DIFY = "app-dify/key+value";

  @TempDir Path home;
  @TempDir Path backups;
  GreenMail mail;
  HttpServer http;
  final List<String> sent = new CopyOnWriteArrayList<>();
  final List<String> printed = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    mail.setUser("runner@home.lan", "runner", SMTP);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Peers that echo what they got, as some do: each of its forms comes back to runner.
    http.createContext("/echo", exchange -> echo(exchange, 500));
    http.createContext("/hook", exchange -> echo(exchange, 200));
    http.createContext("/dify", exchange -> echo(exchange, 500));
    http.createContext("/notion", exchange -> echo(exchange, 500));
    http.start();
  }

  private void echo(HttpExchange exchange, int status) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    sent.add(body);
    String token = String.valueOf(query).replaceFirst("^t=", "");
    String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    String answer =
        "got "
            + query
            + " "
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + " "
            + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))
            + " auth "
            + auth
            + " "
            + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8))
            + " body "
            + body;
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterEach
  void stop() {
    mail.stop();
    http.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  private Cli.Result run(Cli cli, String... args) {
    Cli.Result result = cli.run(args);
    printed.add(String.join(" ", args) + "\n" + result.out() + result.err());
    return result;
  }

  @Test
  void no_secret_in_any_form_reaches_a_file_an_output_or_a_message() throws Exception {
    String notify =
        """
        [{"name": "ops", "triggers": ["technical_failure"],
          "channels": [{"type": "email", "recipients": ["me@home.lan"]},
                       {"type": "webhook", "url": "%s",
                        "headers": {"Authorization": "Bearer ${GITHUB_TOKEN}"}}]}]
        """
            .formatted(url("/hook"));
    Cli cli =
        new Cli(home)
            .config(
                """
                {"shell_cmd": {"type": "shell", "every": "1h", "notify": %s,
                   "command": "echo raw $NOTION_TOKEN $GITHUB_TOKEN $DB_URL $SMTP_PASSWORD; for v in \\"$NOTION_TOKEN\\" \\"$GITHUB_TOKEN\\" \\"$DB_URL\\"; do printf %%s \\"$v\\" | base64 -w0; echo; done; exit 2"},
                 "argv_task": {"type": "shell", "every": "1h",
                   "argv": ["/bin/sh", "-c", "echo argv got $0", "${GITHUB_TOKEN}"]},
                 "http_task": {"type": "http", "every": "1h", "notify": %s,
                   "url": "%s?t=${NOTION_TOKEN}",
                   "headers": {"Authorization": "Bearer ${GITHUB_TOKEN}"}},
                 "dify": {"type": "dify_workflow", "every": "1h", "notify": %s},
                 "journal": {"type": "daily_journal", "every": "1h"},
                 "backup": {"type": "backup", "every": "1h", "paths": ["tasks_config.json"],
                   "dest": "%s"}}
                """
                    .formatted(notify, notify, url("/echo"), notify, backups))
            .dotenv(
                "NOTION_TOKEN=%s\nDB_URL=%s\nRUNNER_SECRETS=DB_URL\nSMTP_PASSWORD=%s\n"
                        .formatted(NOTION, DB_URL, SMTP)
                    + "DIFY_API_KEY=%s\nDIFY_API_URL=%s\nNOTION_API_URL=%s\nNOTION_DATABASE_ID=db1\n"
                        .formatted(DIFY, url("/dify"), url("/notion"))
                    + "SMTP_HOST=127.0.0.1\nSMTP_PORT=%d\nSMTP_USER=runner\nSMTP_FROM=runner@home.lan\n"
                        .formatted(mail.getSmtp().getPort()));
    cli.env.put("GITHUB_TOKEN", GITHUB);

    Cli.Result tick = run(cli, "tick");
    assertThat(tick.code()).as(tick.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(tick.err()).contains("http_task").contains("HTTP 500");
    run(cli, "run", "shell_cmd");
    run(cli, "run", "argv_task");
    run(cli, "run", "http_task");
    run(cli, "run", "dify");
    run(cli, "run", "journal");
    run(cli, "run", "backup");
    run(cli, "notify", "test", "http_task");
    List<Map<String, Object>> rows = cli.history();
    for (Map<String, Object> row : rows) {
      run(cli, "logs", row.get("id").toString());
    }
    for (String[] args :
        List.of(
            new String[] {"history", "--json"},
            new String[] {"history"},
            new String[] {"list", "--json"},
            new String[] {"status", "--json"},
            new String[] {"stats"},
            new String[] {"validate", "--json"})) {
      run(cli, args);
    }

    // the secrets did their work: each reached its peer or its task, masked in what came back
    assertThat(String.join("\n", printed))
        .contains("argv got ***")
        .contains("raw *** *** *** ***")
        .contains("got t=***");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
    assertThat(mail.getReceivedMessages()).isNotEmpty();
    assertThat(sent).isNotEmpty();
    String answers = new ObjectMapper().writeValueAsString(rows);
    assertThat(answers).contains("auth Bearer ***");
    for (String task : List.of("dify", "journal")) {
      assertThat(new ObjectMapper().writeValueAsString(cli.history("--task", task)))
          .as("%s reached its peer, which echoed the key back", task)
          .contains("auth Bearer ***");
    }

    Map<String, String> places = new LinkedHashMap<>();
    places.put("what the commands printed", String.join("\n", printed));
    places.put("what the webhooks received", String.join("\n", sent));
    for (MimeMessage message : mail.getReceivedMessages()) {
      places.put(
          "mail " + message.getSubject(),
          message.getSubject()
              + "\n"
              + new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    try (Stream<Path> files = Files.walk(home)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> !f.equals(home.resolve(".env")))
          .forEach(f -> places.put(home.relativize(f).toString(), read(f)));
    }
    assertThat(places).containsKeys("task_log.db", "logs/task.log");
    assertThat(String.join("\n", sent)).as("the Dify and Notion peers were called").isNotEmpty();
    for (String secret : List.of(NOTION, GITHUB, DB_URL, SMTP, DIFY)) {
      for (String form : forms(secret)) {
        places.forEach(
            (where, text) -> assertThat(text).as("%s in %s", form, where).doesNotContain(form));
      }
    }
  }

  static List<String> forms(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(
        secret,
        URLEncoder.encode(secret, StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(bytes),
        Base64.getUrlEncoder().encodeToString(bytes));
  }

  static String read(Path file) {
    try {
      // bytes as Latin-1: a database page is not UTF-8, and a secret in it is ASCII either way
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void a_problem_that_quotes_a_secret_a_variable_put_in_a_field_masks_it() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"zoned": {"type": "shell", "every": "1h", "timezone": "${NOTION_TOKEN}",
                   "command": "true"}}
                """)
            .dotenv("NOTION_TOKEN=%s\n".formatted(NOTION));
    Cli.Result validate = run(cli, "validate");
    assertThat(validate.code()).isEqualTo(ExitCode.USAGE);
    assertThat(validate.err()).contains("zoned.timezone: '***' is not a time zone");
    Cli.Result tick = run(cli, "tick");
    assertThat(tick.err()).contains("zoned.timezone").doesNotContain(NOTION);
    assertThat(run(cli, "list", "--json").out()).contains("'***'").doesNotContain(NOTION);
  }

  @Test
  void a_short_secret_is_masked_as_written_and_its_encoded_forms_are_not_sought() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"short": {"type": "shell", "every": "1h",
                   "command": "echo $API_KEY; printf %s \\"$API_KEY\\" | base64"}}
                """)
            .dotenv("API_KEY=ab+cd\n");
    assertThat(run(cli, "tick").code()).isZero();
    String log = run(cli, "logs", cli.history().get(0).get("id").toString()).out();
    assertThat(log)
        .isEqualTo("***\n" + Base64.getEncoder().encodeToString("ab+cd".getBytes()) + "\n");
  }
}
