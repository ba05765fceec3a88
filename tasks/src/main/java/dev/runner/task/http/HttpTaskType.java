package dev.runner.task.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.task.Task;
import dev.runner.task.TaskFields;
import dev.runner.task.TaskType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code "type": "http"}: one request; the answer's status decides the outcome. */
public final class HttpTaskType implements TaskType {

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

  @Override
  public String name() {
    return "http";
  }

  @Override
  public Set<String> fields() {
    return Set.of(
        "method",
        "url",
        "headers",
        "body",
        "expect_status",
        "request_timeout",
        "follow_redirects",
        "sse");
  }

  @Override
  public Task configure(TaskFields fields) {
    String url = fields.string("url").orElse("");
    if (!fields.has("url")) {
      fields.problem("url", "an http task needs a url", "add \"url\": \"https://...\"");
    } else if (!url.startsWith("http://") && !url.startsWith("https://")) {
      fields.problem("url", "'" + url + "' is not an http(s) URL", null);
    }
    Map<String, String> headers = new LinkedHashMap<>(fields.stringMap("headers").orElse(Map.of()));
    Object body = fields.value("body").orElse(null);
    String method =
        fields.string("method").orElse(body == null ? "GET" : "POST").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      fields.problem(
          "method",
          "'" + method + "' is not an HTTP method",
          "GET, POST, PUT, PATCH, DELETE or HEAD");
    }
    String bodyText = null;
    boolean json = false;
    if (body instanceof Map<?, ?> || body instanceof List<?>) {
      try {
        bodyText = new ObjectMapper().writeValueAsString(body);
        json = true;
        headers.putIfAbsent("Content-Type", "application/json; charset=utf-8");
      } catch (JsonProcessingException e) {
        fields.problem("body", "cannot write the body as JSON: " + e.getOriginalMessage(), null);
      }
    } else if (body != null) {
      bodyText = body.toString();
      json =
          headers.entrySet().stream()
              .anyMatch(
                  h ->
                      h.getKey().equalsIgnoreCase("Content-Type")
                          && h.getValue().toLowerCase(Locale.ROOT).contains("json"));
    }
    List<String> expect = expectations(fields);
    Duration timeout =
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
    boolean redirects = fields.bool("follow_redirects").orElse(true);
    boolean sse = fields.bool("sse").orElse(false);
    return new HttpTask(
        new HttpSpec(method, url, headers, bodyText, json, expect, timeout, redirects, sse));
  }

  private static List<String> expectations(TaskFields fields) {
    Object value = fields.value("expect_status").orElse(null);
    List<Object> items =
        value == null
            ? List.of("2xx")
            : value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    List<String> expect = new ArrayList<>();
    for (Object item : items) {
      String text = item.toString().toLowerCase(Locale.ROOT);
      if (text.matches("[1-5][0-9][0-9]|[1-5]xx")) {
        expect.add(text);
      } else {
        fields.problem(
            "expect_status", "'" + item + "' is not a status", "e.g. 200, [200, 204] or \"2xx\"");
      }
    }
    return expect;
  }
}
