package dev.runner.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runner.cli.CliHarness;
import dev.runner.testing.StalledPeer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code http} type against a server on loopback. */
class HttpTaskTest {

  @TempDir Path home;
  HttpServer server;
  final List<String> bodies = new CopyOnWriteArrayList<>();
  final List<String> methods = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", exchange -> answer(exchange, 200, "fine 好"));
    server.createContext("/broken", exchange -> answer(exchange, 500, "oops"));
    server.createContext("/missing", exchange -> answer(exchange, 404, "no such thing"));
    server.createContext("/busy", exchange -> answer(exchange, 429, "slow down"));
    server.createContext(
        "/events",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          exchange
              .getResponseBody()
              .write(
                  "event: progress\ndata: 50%\n\ndata: {\"done\": true}\n\n"
                      .getBytes(StandardCharsets.UTF_8));
          exchange.close();
        });
    server.start();
  }

  void answer(HttpExchange exchange, int status, String text) throws IOException {
    methods.add(exchange.getRequestMethod());
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  CliHarness harness(String task) throws IOException {
    return new CliHarness(home).config("{\"call\": " + task + "}");
  }

  @Test
  void a_json_body_is_templated_with_escaped_values_and_the_answer_recorded() throws Exception {
    CliHarness cli =
        harness(
            """
            {"type": "http", "url": "%s", "params": {"note": "say \\"hi\\"\\n你好"},
             "body": {"task": "{{task}}", "note": "{{params.note}}", "n": 1}}
            """
                .formatted(url("/ok")));
    CliHarness.Result run = cli.run("run", "call");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(methods).containsExactly("POST");
    JsonNode sent = new ObjectMapper().readTree(bodies.get(0));
    assertThat(sent.get("note").asText()).isEqualTo("say \"hi\"\n你好");
    assertThat(sent.get("task").asText()).isEqualTo("call");
    assertThat(sent.get("n").asInt()).isEqualTo(1);
    Map<String, Object> message = cli.lastMessage();
    assertThat(message).containsEntry("http_status", 200).containsEntry("body", "fine 好");
    assertThat(run.out()).contains("HTTP 200").contains("fine 好");
  }

  @Test
  void statuses_map_to_outcomes() throws Exception {
    assertThat(outcome("{\"type\": \"http\", \"url\": \"%s\"}".formatted(url("/broken"))))
        .isEqualTo("technical_failure");
    assertThat(outcome("{\"type\": \"http\", \"url\": \"%s\"}".formatted(url("/busy"))))
        .isEqualTo("technical_failure");
    assertThat(outcome("{\"type\": \"http\", \"url\": \"%s\"}".formatted(url("/missing"))))
        .isEqualTo("business_failure");
    assertThat(outcome("{\"type\": \"http\", \"url\": \"http://127.0.0.1:1/\"}"))
        .isEqualTo("technical_failure");
    assertThat(
            outcome(
                "{\"type\": \"http\", \"url\": \"%s\", \"expect_status\": [404]}"
                    .formatted(url("/missing"))))
        .isEqualTo("success");
  }

  String outcome(String task) throws Exception {
    CliHarness cli = harness(task);
    cli.run("run", "call");
    return cli.lastRow().get("status").toString();
  }

  @Test
  void server_sent_events_are_read_to_the_end() throws Exception {
    CliHarness cli =
        harness("{\"type\": \"http\", \"url\": \"%s\", \"sse\": true}".formatted(url("/events")));
    CliHarness.Result run = cli.run("run", "call");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("event progress: 50%")
        .contains("event message: {\"done\": true}");
  }

  @Test
  void mistakes_are_reported() throws Exception {
    CliHarness cli =
        harness("{\"type\": \"http\", \"method\": \"FETCH\", \"expect_status\": \"ok\"}");
    CliHarness.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains("call.url: an http task needs a url")
        .contains("call.method: 'FETCH' is not an HTTP method")
        .contains("call.expect_status: 'ok' is not a status");
  }

  @Test
  void a_request_timeout_ends_a_request_to_a_peer_that_never_answers() throws Exception {
    try (StalledPeer peer = StalledPeer.silent()) {
      CliHarness cli =
          harness(
              "{\"type\": \"http\", \"url\": \"%s\", \"request_timeout\": \"1s\"}"
                  .formatted(peer.url("/hang")));
      long started = System.nanoTime();
      CliHarness.Result run =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> cli.run("run", "call"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(run.code()).as(run.toString()).isEqualTo(1);
      assertThat(cli.lastRow().get("status")).isEqualTo("technical_failure");
      assertThat(cli.lastMessage().get("error").toString())
          .contains("GET " + peer.url("/hang"))
          .contains("timed out after 1s");
    }
  }

  @Test
  void a_request_timeout_also_bounds_an_answer_whose_body_stalls_after_the_headers()
      throws Exception {
    try (StalledPeer peer =
        StalledPeer.answering(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nthe start")) {
      CliHarness cli =
          harness(
              "{\"type\": \"http\", \"url\": \"%s\", \"request_timeout\": \"1s\"}"
                  .formatted(peer.url("/slow")));
      long started = System.nanoTime();
      CliHarness.Result run =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> cli.run("run", "call"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(run.code()).as(run.toString()).isEqualTo(1);
      assertThat(cli.lastRow().get("status")).isEqualTo("technical_failure");
      assertThat(cli.lastMessage().get("error").toString())
          .contains("timed out after 1s")
          .contains("reading the answer");
    }
  }

  @Test
  void an_event_stream_that_stalls_after_one_event_ends_at_the_task_timeout() throws Exception {
    try (StalledPeer peer = StalledPeer.eventStream("event: progress\ndata: 10%\n\n")) {
      CliHarness cli =
          harness(
              "{\"type\": \"http\", \"url\": \"%s\", \"sse\": true, \"timeout\": \"1s\"}"
                  .formatted(peer.url("/events")));
      long started = System.nanoTime();
      CliHarness.Result run =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> cli.run("run", "call"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(run.out()).contains("event progress: 10%");
      assertThat(cli.lastRow().get("status")).isEqualTo("timeout");
      assertThat(cli.lastMessage().get("error").toString()).contains("timed out after 1s");
      assertThat(cli.lastMessage().get("output_tail").toString()).contains("stopped after 1 event");
    }
  }

  @Test
  void a_request_timeout_that_is_not_a_positive_duration_is_refused() throws Exception {
    CliHarness cli =
        new CliHarness(home)
            .config(
                """
                {"a": {"type": "http", "url": "http://127.0.0.1/", "request_timeout": "soon"},
                 "b": {"type": "http", "url": "http://127.0.0.1/", "request_timeout": "0s"}}
                """);
    CliHarness.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains("a.request_timeout:")
        .contains("b.request_timeout: must be longer than zero");
  }
}
