package dev.runner.task.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An {@code http} task's fields. {@code url}, header values and {@code body} are templates; {@code
 * jsonBody} says values are JSON-escaped into the body. {@code expect} holds statuses ({@code
 * "200"}) and classes ({@code "2xx"}). {@code requestTimeout} (null when not set) bounds the whole
 * exchange, body and event stream included.
 */
public record HttpSpec(
    String method,
    String url,
    Map<String, String> headers,
    String body,
    boolean jsonBody,
    List<String> expect,
    Duration requestTimeout,
    boolean followRedirects,
    boolean sse) {

  /** Without {@code request_timeout}: how long connecting and the headers may take. */
  public static final Duration HEADERS_BY_DEFAULT = Duration.ofSeconds(30);

  public HttpSpec {
    headers = Map.copyOf(headers);
    expect = List.copyOf(expect);
  }

  /** The bound of connecting and of waiting for the headers. */
  public Duration headersTimeout() {
    return requestTimeout == null ? HEADERS_BY_DEFAULT : requestTimeout;
  }

  public boolean expected(int status) {
    String code = Integer.toString(status);
    for (String pattern : expect) {
      if (pattern.equals(code)
          || (pattern.length() == 3
              && pattern.endsWith("xx")
              && pattern.charAt(0) == code.charAt(0))) {
        return true;
      }
    }
    return false;
  }
}
