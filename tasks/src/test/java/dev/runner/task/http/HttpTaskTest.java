package dev.runner.task.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runner.task.Task;
import dev.runner.task.TaskResult;
import dev.runner.task.TaskResult.Outcome;
import dev.runner.task.TestFields;
import dev.runner.task.TestRun;
import dev.runner.testing.StalledPeer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http} type against a server on loopback. */
class HttpTaskTest {

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

  static Task task(String fields) {
    return TestFields.of("call", fields).configure(new HttpTaskType());
  }

  @Test
  void a_json_body_is_templated_with_escaped_values_and_the_answer_recorded() throws Exception {
    Task task =
        task(
            """
            {"url": "%s", "body": {"task": "{{task}}", "note": "{{params.note}}", "n": 1}}
            """
                .formatted(url("/ok")));
    TestRun run = TestRun.of("call").params(Map.of("note", "say \"hi\"\n你好"));
    TaskResult result = task.run(run);
    assertThat(result.outcome()).as(result + "\n" + run.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(methods).containsExactly("POST");
    JsonNode sent = new ObjectMapper().readTree(bodies.get(0));
    assertThat(sent.get("note").asText()).isEqualTo("say \"hi\"\n你好");
    assertThat(sent.get("task").asText()).isEqualTo("call");
    assertThat(sent.get("n").asInt()).isEqualTo(1);
    assertThat(result.details()).containsEntry("http_status", 200).containsEntry("body", "fine 好");
    assertThat(run.output()).contains("HTTP 200").contains("fine 好");
  }

  @Test
  void statuses_map_to_outcomes() throws Exception {
    assertThat(outcome("{\"url\": \"%s\"}".formatted(url("/broken"))))
        .isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(outcome("{\"url\": \"%s\"}".formatted(url("/busy"))))
        .isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(outcome("{\"url\": \"%s\"}".formatted(url("/missing"))))
        .isEqualTo(Outcome.BUSINESS_FAILURE);
    assertThat(outcome("{\"url\": \"http://127.0.0.1:1/\"}")).isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(outcome("{\"url\": \"%s\", \"expect_status\": [404]}".formatted(url("/missing"))))
        .isEqualTo(Outcome.SUCCESS);
  }

  static Outcome outcome(String fields) throws Exception {
    return task(fields).run(TestRun.of("call")).outcome();
  }

  @Test
  void server_sent_events_are_read_to_the_end() throws Exception {
    TestRun run = TestRun.of("call");
    TaskResult result = task("{\"url\": \"%s\", \"sse\": true}".formatted(url("/events"))).run(run);
    assertThat(result.outcome()).as(result + "\n" + run.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(run.output())
        .contains("event progress: 50%")
        .contains("event message: {\"done\": true}");
  }

  @Test
  void mistakes_are_reported() {
    List<String> problems =
        TestFields.of("call", "{\"method\": \"FETCH\", \"expect_status\": \"ok\"}")
            .problems(new HttpTaskType());
    assertThat(String.join("\n", problems))
        .contains("call.url: an http task needs a url")
        .contains("call.method: 'FETCH' is not an HTTP method")
        .contains("call.expect_status: 'ok' is not a status");
  }

  @Test
  void a_request_timeout_ends_a_request_to_a_peer_that_never_answers() throws Exception {
    try (StalledPeer peer = StalledPeer.silent()) {
      Task task =
          task("{\"url\": \"%s\", \"request_timeout\": \"1s\"}".formatted(peer.url("/hang")));
      long started = System.nanoTime();
      TaskResult result =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> task.run(TestRun.of("call")));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
      assertThat(result.summary())
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
      Task task =
          task("{\"url\": \"%s\", \"request_timeout\": \"1s\"}".formatted(peer.url("/slow")));
      long started = System.nanoTime();
      TaskResult result =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> task.run(TestRun.of("call")));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
      assertThat(result.summary()).contains("timed out after 1s").contains("reading the answer");
    }
  }

  @Test
  void a_cancelled_run_stops_an_event_stream_that_stalls_after_one_event() throws Exception {
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try (StalledPeer peer = StalledPeer.eventStream("event: progress\ndata: 10%\n\n")) {
      Task task = task("{\"url\": \"%s\", \"sse\": true}".formatted(peer.url("/events")));
      TestRun run = TestRun.of("call");
      Future<TaskResult> running = worker.submit(() -> task.run(run));
      run.awaitLine("event progress: 10%", Duration.ofSeconds(10));
      run.cancel(); // as the engine does when the task's timeout fires
      TaskResult result = running.get(15, TimeUnit.SECONDS);
      assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
      assertThat(result.summary()).contains("stopped after 1 event of the stream");
      assertThat(run.output()).contains("stopped after 1 event");
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void a_request_timeout_that_is_not_longer_than_zero_is_refused() {
    List<String> problems =
        TestFields.of("b", "{\"url\": \"http://127.0.0.1/\", \"request_timeout\": \"0s\"}")
            .problems(new HttpTaskType());
    assertThat(problems).containsExactly("b.request_timeout: must be longer than zero");
  }
}
