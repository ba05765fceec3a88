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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dify_workflow} against a local peer speaking Dify's /workflows/run in both modes. */
class DifyWorkflowTest {

  @TempDir Path home;
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

  CliHarness cli(String mode, String apiUrl) throws IOException {
    return new CliHarness(home)
        .config(
            """
            {"summarise": {"type": "dify_workflow", "response_mode": "%s",
              "params": {"topic": "读书 \\"notes\\""},
              "inputs": {"topic": "{{params.topic}}", "task": "{{task}}"}}}
            """
                .formatted(mode))
        .dotenv("DIFY_API_KEY=app-key-1234\nDIFY_API_URL=" + apiUrl + "\n");
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Test
  void a_blocking_run_succeeds_only_when_the_workflow_did() throws Exception {
    CliHarness cli = cli("blocking", base());
    CliHarness.Result run = cli.run("run", "summarise");
    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode sent = requests.get(0);
    assertThat(sent.at("/inputs/topic").asText()).isEqualTo("读书 \"notes\"");
    assertThat(sent.path("user").asText()).isEqualTo("runner");
    assertThat(cli.lastMessage())
        .containsEntry("workflow_run_id", "wr-1")
        .containsEntry("workflow_status", "succeeded")
        .containsEntry("total_tokens", 42);
    assertThat(cli.lastMessage().get("outputs").toString()).contains("总结 ok");

    workflowStatus = "failed";
    cli.run("run", "summarise");
    assertThat(cli.lastRow()).containsEntry("status", "technical_failure");
    assertThat(cli.lastMessage().get("error").toString())
        .isEqualTo("workflow failed: LLM timed out");
  }

  @Test
  void a_streaming_run_reads_events_to_workflow_finished() throws Exception {
    // the user's old config.env points at the full endpoint: used as is
    CliHarness cli = cli("streaming", base() + "/workflows/run");
    CliHarness.Result run = cli.run("run", "summarise");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("node_started LLM").contains("workflow_finished");

    cutStream = true;
    cli.run("run", "summarise");
    assertThat(cli.lastRow()).containsEntry("status", "technical_failure");
    assertThat(cli.lastMessage().get("error").toString()).contains("before workflow_finished");
  }

  @Test
  void http_errors_map_to_statuses_and_the_key_is_required() throws Exception {
    CliHarness cli = cli("blocking", base());
    httpStatus = 400;
    cli.run("run", "summarise");
    assertThat(cli.lastRow()).containsEntry("status", "business_failure");
    assertThat(cli.lastMessage().get("error").toString())
        .contains("HTTP 400")
        .contains("topic is required");
    httpStatus = 503;
    cli.run("run", "summarise");
    assertThat(cli.lastRow()).containsEntry("status", "technical_failure");

    cli.dotenv("DIFY_API_URL=" + base() + "\n");
    CliHarness.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err()).contains("summarise: dify_workflow needs DIFY_API_KEY");
  }

  @Test
  void a_streaming_run_whose_stream_stalls_ends_at_the_task_timeout() throws Exception {
    try (StalledPeer peer =
        StalledPeer.eventStream(
            "data: {\"event\": \"workflow_started\", \"workflow_run_id\": \"wr-2\", \"data\": {}}\n\n")) {
      CliHarness cli =
          new CliHarness(home)
              .config(
                  """
                  {"summarise": {"type": "dify_workflow", "response_mode": "streaming",
                    "timeout": "1s", "inputs": {"topic": "x"}}}
                  """)
              .dotenv("DIFY_API_KEY=app-key-1234\nDIFY_API_URL=" + peer.url("/v1") + "\n");
      long started = System.nanoTime();
      CliHarness.Result run =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> cli.run("run", "summarise"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(run.out()).contains("workflow_started");
      assertThat(cli.lastRow()).containsEntry("status", "timeout");
      assertThat(cli.lastMessage().get("error").toString()).contains("timed out after 1s");
      assertThat(cli.lastMessage().get("output_tail").toString())
          .contains("stopped after 1 event of the stream");
    }
  }

  @Test
  void a_request_timeout_bounds_a_blocking_run_against_a_peer_that_never_answers()
      throws Exception {
    try (StalledPeer peer = StalledPeer.silent()) {
      CliHarness cli =
          new CliHarness(home)
              .config(
                  """
                  {"summarise": {"type": "dify_workflow", "request_timeout": "1s",
                    "inputs": {"topic": "x"}}}
                  """)
              .dotenv("DIFY_API_KEY=app-key-1234\nDIFY_API_URL=" + peer.url("/v1") + "\n");
      assertTimeoutPreemptively(Duration.ofSeconds(15), () -> cli.run("run", "summarise"));
      assertThat(cli.lastRow()).containsEntry("status", "technical_failure");
      assertThat(cli.lastMessage().get("error").toString())
          .contains("Dify: POST " + peer.url("/v1/workflows/run"))
          .contains("timed out after 1s waiting for an answer");
    }
  }
}
