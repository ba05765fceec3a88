package dev.runner.task.dify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.task.Task;
import dev.runner.task.TaskFields;
import dev.runner.task.TaskType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code "type": "dify_workflow"}: runs a Dify workflow ({@code POST /workflows/run}) and succeeds
 * only when the workflow's status is {@code succeeded}.
 */
public final class DifyWorkflowType implements TaskType {

  @Override
  public String name() {
    return "dify_workflow";
  }

  @Override
  public Set<String> fields() {
    return Set.of("inputs", "response_mode", "user", "request_timeout");
  }

  @Override
  public Task configure(TaskFields fields) {
    String key = fields.env("DIFY_API_KEY").orElse(null);
    if (key == null && fields.enabled()) {
      fields.problem(
          null,
          "dify_workflow needs DIFY_API_KEY",
          "add DIFY_API_KEY=app-... (the workflow app's API key) to .env");
    }
    String base = fields.env("DIFY_API_URL").orElse("https://api.dify.ai/v1");
    String url = base.replaceAll("/+$", "");
    if (!url.endsWith("/workflows/run")) {
      url += "/workflows/run";
    }
    Object inputs = fields.value("inputs").orElse(Map.of());
    String inputsJson = "{}";
    if (!(inputs instanceof Map<?, ?>)) {
      fields.problem(
          "inputs",
          "inputs is an object of the workflow's input variables",
          "e.g. {\"start\": \"{{window_start}}\", \"end\": \"{{window_end}}\"}");
    } else {
      try {
        inputsJson = new ObjectMapper().writeValueAsString(inputs);
      } catch (JsonProcessingException e) {
        fields.problem("inputs", "cannot write inputs as JSON: " + e.getOriginalMessage(), null);
      }
    }
    String mode = fields.string("response_mode").orElse("blocking");
    if (!mode.equals("blocking") && !mode.equals("streaming")) {
      fields.problem("response_mode", "'" + mode + "' is not blocking or streaming", null);
    }
    String user = fields.string("user").orElse("runner");
    Duration requestTimeout =
        fields
            .duration("request_timeout")
            .filter(
                d -> {
                  if (d.isZero() || d.isNegative()) {
                    fields.problem("request_timeout", "must be longer than zero", null);
                    return false;
                  }
                  return true;
                })
            .orElse(null);
    return new DifyWorkflowTask(
        url, key, inputsJson, mode.equals("streaming"), user, requestTimeout);
  }
}
