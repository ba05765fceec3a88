package dev.runner.task.dify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runner.task.Task;
import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;
import dev.runner.task.Templates;
import dev.runner.task.http.HttpCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One workflow run: blocking (one answer) or streaming (server-sent events to the end). {@code
 * requestTimeout}, when set, bounds the whole exchange; without it the answer must start within
 * {@link #ANSWER_STARTS_WITHIN} and the task's timeout bounds the rest.
 */
record DifyWorkflowTask(
    String url,
    String apiKey,
    String inputsTemplate,
    boolean streaming,
    String user,
    Duration requestTimeout)
    implements Task {

  static final Duration ANSWER_STARTS_WITHIN = Duration.ofMinutes(10);

  @Override
  public TaskResult run(TaskContext context) throws Exception {
    if (apiKey == null) {
      return TaskResult.businessFailure("DIFY_API_KEY is not set in .env");
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, String> values = Templates.values(context);
    ObjectNode body = json.createObjectNode();
    body.set("inputs", json.readTree(Templates.render(inputsTemplate, values, true)));
    body.put("response_mode", streaming ? "streaming" : "blocking");
    body.put("user", Templates.render(user, values, false));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(requestTimeout == null ? ANSWER_STARTS_WITHIN : requestTimeout)
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    context.log("POST " + url + " inputs " + body.get("inputs"));
    var client =
        HttpCall.client(
            requestTimeout == null || requestTimeout.getSeconds() > 30
                ? Duration.ofSeconds(30)
                : requestTimeout,
            true);
    AtomicReference<JsonNode> finished = new AtomicReference<>();
    HttpCall.Response response;
    try {
      if (streaming) {
        response =
            HttpCall.stream(
                client,
                request,
                context,
                requestTimeout,
                event -> {
                  JsonNode data = parse(json, event.data());
                  String type = data.path("event").asText(event.name());
                  if (type.equals("ping")) {
                    return;
                  }
                  JsonNode node = data.path("data");
                  context.log(
                      type
                          + (node.has("title") ? " " + node.path("title").asText() : "")
                          + (node.has("status") ? " " + node.path("status").asText() : ""));
                  if (type.equals("workflow_finished") || type.equals("error")) {
                    finished.set(data);
                  }
                });
      } else {
        response = HttpCall.send(client, request, context, requestTimeout);
        if (response.status() / 100 == 2) {
          finished.set(parse(json, response.body()));
        }
      }
    } catch (HttpCall.Failure e) {
      // In the output too: when the task's timeout stopped the run, its message replaces this one.
      context.log(e.getMessage());
      return TaskResult.technicalFailure("Dify: " + e.getMessage());
    }
    if (response.status() / 100 != 2) {
      context.log(response.body());
      return HttpCall.unexpected(response, "Dify workflow");
    }
    JsonNode answer = finished.get();
    if (answer == null) {
      return TaskResult.technicalFailure(
          "Dify: the stream ended before workflow_finished; the workflow's outcome is unknown");
    }
    return outcome(answer, context);
  }

  private static TaskResult outcome(JsonNode answer, TaskContext context) {
    if (answer.path("event").asText().equals("error")) {
      return TaskResult.technicalFailure(
          "Dify error " + answer.path("code").asText() + ": " + answer.path("message").asText());
    }
    JsonNode data = answer.path("data");
    String status = data.path("status").asText("unknown");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("workflow_run_id", answer.path("workflow_run_id").asText(data.path("id").asText()));
    details.put("workflow_status", status);
    details.put("outputs", HttpCall.shorten(data.path("outputs").toString()));
    if (data.has("elapsed_time")) {
      details.put("elapsed_time", data.path("elapsed_time").asDouble());
    }
    if (data.has("total_tokens")) {
      details.put("total_tokens", data.path("total_tokens").asLong());
    }
    context.log("outputs " + data.path("outputs"));
    if (!status.equals("succeeded")) {
      String error = data.path("error").asText("");
      return new TaskResult.TechnicalFailure(
          "workflow " + status + (error.isEmpty() ? "" : ": " + error), details);
    }
    return new TaskResult.Success("workflow succeeded", details);
  }

  private static JsonNode parse(ObjectMapper json, String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return json.createObjectNode().put("event", "unreadable").put("text", text);
    }
  }
}
