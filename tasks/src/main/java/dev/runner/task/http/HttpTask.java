package dev.runner.task.http;

import dev.runner.task.Task;
import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;
import dev.runner.task.Templates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs an {@link HttpSpec}. The full answer goes to the run's output, its start to history. */
public record HttpTask(HttpSpec spec) implements Task {

  @Override
  public TaskResult run(TaskContext context) throws Exception {
    Map<String, String> values = Templates.values(context);
    String url = Templates.render(spec.url(), values, false);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(spec.headersTimeout())
            .header("User-Agent", "runner");
    spec.headers().forEach((k, v) -> request.setHeader(k, Templates.render(v, values, false)));
    if (spec.body() == null) {
      request.method(spec.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request.method(
          spec.method(),
          HttpRequest.BodyPublishers.ofString(
              Templates.render(spec.body(), values, spec.jsonBody()), StandardCharsets.UTF_8));
    }
    HttpClient client = HttpCall.client(spec.headersTimeout(), spec.followRedirects());
    context.log(spec.method() + " " + url);
    HttpCall.Response response;
    try {
      response =
          spec.sse()
              ? HttpCall.stream(
                  client,
                  request.build(),
                  context,
                  spec.requestTimeout(),
                  event -> context.log("event " + event.name() + ": " + event.data()))
              : HttpCall.send(client, request.build(), context, spec.requestTimeout());
    } catch (HttpCall.Failure e) {
      // In the output too: when the task's timeout stopped the run, its message replaces this one.
      context.log(e.getMessage());
      return TaskResult.technicalFailure(e.getMessage());
    }
    context.log("HTTP " + response.status());
    if (!response.body().isEmpty()) {
      context.log(response.body());
    }
    if (!spec.expected(response.status())) {
      return HttpCall.unexpected(response, spec.method() + " " + url);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("http_status", response.status());
    details.put("body", HttpCall.shorten(response.body()));
    return new TaskResult.Success("HTTP " + response.status(), details);
  }
}
