package dev.runner.task.dify;

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

/** {@code dify_workflow} against a local peer speaking Dify's /workflows/run in both modes. */
class DifyWorkflowTest {

  HttpServer server;
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  volatile String workflowStatus = "succeeded";
  volatile int httpStatus = 200;
  volatile boolean cutStream;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/workflows/run", this::workflow);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void workflow(HttpExchange exchange) throws IOException {
    JsonNode body = new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes());
    requests.add(body);
    if (!"Bearer app-key-1234".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"code\": \"unauthorized\", \"message\": \"Access token is invalid\"}");
      return;
    }
    if (httpStatus != 200) {
      send(
          exchange,
          httpStatus,
          "{\"code\": \"invalid_param\", \"message\": \"topic is required\"}");
      return;
    }
    String finished =
        "{\"workflow_run_id\": \"wr-1\", \"task_id\": \"t-1\", \"data\": {\"id\": \"wr-1\","
            + " \"status\": \""
            + workflowStatus
            + "\", \"outputs\": {\"summary\": \"总结 ok\"},"
            + " \"error\": "
            + (workflowStatus.equals("succeeded") ? "null" : "\"LLM timed out\"")
            + ", \"elapsed_time\": 1.5, \"total_tokens\": 42}}";
    if (body.path("response_mode").asText().equals("blocking")) {
      send(exchange, 200, finished);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    StringBuilder events = new StringBuilder();
    events.append(
        "data: {\"event\": \"workflow_started\", \"workflow_run_id\": \"wr-1\", \"data\": {}}\n\n");
    events.append("data: {\"event\": \"node_started\", \"data\": {\"title\": \"LLM\"}}\n\n");
    events.append("event: ping\n\n");
    events.append(
        "data: {\"event\": \"node_finished\", \"data\": {\"title\": \"LLM\", \"status\": \"succeeded\"}}\n\n");
    if (!cutStream) {
      events
          .append("data: ")
          .append(
              finished.replace(
                  "{\"workflow_run_id\"", "{\"event\": \"workflow_finished\", \"workflow_run_id\""))
          .append("\n\n");
    }
    exchange.getResponseBody().write(events.toString().getBytes(StandardCharsets.UTF_8));
    exchange.close();
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static final String FIELDS =
      """
      {"response_mode": "%s", "inputs": {"topic": "{{params.topic}}", "task": "{{task}}"}}
      """;

  static Task task(String mode, String apiUrl) {
    return TestFields.of("summarise", FIELDS.formatted(mode))
        .env("DIFY_API_KEY", "app-key-1234")
        .env("DIFY_API_URL", apiUrl)
        .configure(new DifyWorkflowType());
  }

  /** A run with the task's params. */
  static TestRun run() {
    return TestRun.of("summarise").params(Map.of("topic", "读书 \"notes\""));
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Test
  void a_blocking_run_succeeds_only_when_the_workflow_did() throws Exception {
    Task task = task("blocking", base());
    TestRun run = run();
    TaskResult result = task.run(run);
    assertThat(result.outcome()).as(result + "\n" + run.output()).isEqualTo(Outcome.SUCCESS);
    JsonNode sent = requests.get(0);
    assertThat(sent.at("/inputs/topic").asText()).isEqualTo("读书 \"notes\"");
    assertThat(sent.path("user").asText()).isEqualTo("runner");
    assertThat(result.details())
        .containsEntry("workflow_run_id", "wr-1")
        .containsEntry("workflow_status", "succeeded")
        .containsEntry("total_tokens", 42L);
    assertThat(result.details().get("outputs").toString()).contains("总结 ok");

    workflowStatus = "failed";
    TaskResult failed = task.run(run());
    assertThat(failed.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(failed.summary()).isEqualTo("workflow failed: LLM timed out");
  }

  @Test
  void a_streaming_run_reads_events_to_workflow_finished() throws Exception {
    // the user's old config.env points at the full endpoint: used as is
    Task task = task("streaming", base() + "/workflows/run");
    TestRun run = run();
    TaskResult result = task.run(run);
    assertThat(result.outcome()).as(result + "\n" + run.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(run.output()).contains("node_started LLM").contains("workflow_finished");

    cutStream = true;
    TaskResult cut = task.run(run());
    assertThat(cut.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(cut.summary()).contains("before workflow_finished");
  }

  @Test
  void http_errors_map_to_outcomes_and_the_key_is_required() throws Exception {
    Task task = task("blocking", base());
    httpStatus = 400;
    TaskResult refused = task.run(run());
    assertThat(refused.outcome()).isEqualTo(Outcome.BUSINESS_FAILURE);
    assertThat(refused.summary()).contains("HTTP 400").contains("topic is required");
    httpStatus = 503;
    assertThat(task.run(run()).outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);

    List<String> problems =
        TestFields.of("summarise", FIELDS.formatted("blocking"))
            .env("DIFY_API_URL", base())
            .problems(new DifyWorkflowType());
    assertThat(String.join("\n", problems)).contains("summarise: dify_workflow needs DIFY_API_KEY");
  }

  @Test
  void a_cancelled_streaming_run_stops_a_stream_that_stalls() throws Exception {
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try (StalledPeer peer =
        StalledPeer.eventStream(
            "data: {\"event\": \"workflow_started\", \"workflow_run_id\": \"wr-2\", \"data\": {}}\n\n")) {
      Task task = task("streaming", peer.url("/v1"));
      TestRun run = run();
      Future<TaskResult> running = worker.submit(() -> task.run(run));
      run.awaitLine("workflow_started", Duration.ofSeconds(10));
      run.cancel(); // as the engine does when the task's timeout fires
      TaskResult result = running.get(15, TimeUnit.SECONDS);
      assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
      assertThat(result.summary()).contains("stopped after 1 event of the stream");
      assertThat(run.output()).contains("stopped after 1 event of the stream");
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void a_request_timeout_bounds_a_blocking_run_against_a_peer_that_never_answers()
      throws Exception {
    try (StalledPeer peer = StalledPeer.silent()) {
      Task task =
          TestFields.of(
                  "summarise", "{\"request_timeout\": \"1s\", \"inputs\": {\"topic\": \"x\"}}")
              .env("DIFY_API_KEY", "app-key-1234")
              .env("DIFY_API_URL", peer.url("/v1"))
              .configure(new DifyWorkflowType());
      TaskResult result =
          assertTimeoutPreemptively(
              Duration.ofSeconds(15), () -> task.run(TestRun.of("summarise")));
      assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
      assertThat(result.summary())
          .contains("Dify: POST " + peer.url("/v1/workflows/run"))
          .contains("timed out after 1s waiting for an answer");
    }
  }
}
