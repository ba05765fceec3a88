package dev.runner.web;

import com.sun.net.httpserver.HttpExchange;
import dev.runner.config.Redactor;
import dev.runner.engine.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its answer: the path's parameters, the query's, the body, and the ways to answer
 * (JSON, a problem, text), every one with the headers each answer carries and every string masked.
 */
final class Call {

  /** A request body larger than this is refused: run-now's params are a few keys. */
  static final int MAX_BODY = 64 * 1024;

  final HttpExchange exchange;
  final List<String> path;
  private final Redactor redactor;
  private Map<String, List<String>> query;
  private boolean detached;

  /** Who asks: set by the server before the handler, by a login when it makes a session. */
  Caller caller = Caller.NOBODY;

  /**
   * What the change was made to when its path does not say (a task created by {@code POST
   * /api/v1/tasks} is named in the body): set by the handler, kept in the audit row.
   */
  String auditTarget;

  Call(HttpExchange exchange, List<String> path, Redactor redactor) {
    this.exchange = exchange;
    this.path = path;
    this.redactor = redactor;
  }

  /**
   * The answer goes on after the handler returns (a stream, written by another thread): the server
   * leaves the exchange open, and the stream closes it.
   */
  void detach() {
    detached = true;
  }

  boolean detached() {
    return detached;
  }

  /** The path's segments, each percent-decoded (a task's name may be Chinese). */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String part : rawPath.split("/", -1)) {
      out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return out.subList(1, out.size()); // before the leading slash
  }

  /** A query parameter's values, in order; {@code a=1,2&a=3} gives 1, 2 and 3 when split. */
  List<String> params(String name) {
    if (query == null) {
      query = new LinkedHashMap<>();
      String raw = exchange.getRequestURI().getRawQuery();
      if (raw != null && !raw.isEmpty()) {
        for (String pair : raw.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String key = eq < 0 ? pair : pair.substring(0, eq);
          String value = eq < 0 ? "" : pair.substring(eq + 1);
          try {
            query
                .computeIfAbsent(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), k -> new ArrayList<>())
                .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw ApiProblem.parameter(key, "bad percent-encoding");
          }
        }
      }
    }
    return query.getOrDefault(name, List.of());
  }

  /** A parameter given once at most; null when absent or empty. */
  String param(String name) {
    List<String> values = params(name);
    if (values.size() > 1) {
      throw ApiProblem.parameter(name, "given " + values.size() + " times; give it once");
    }
    return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
  }

  /** Every value of a parameter, comma-separated ones split: {@code status=success,failed}. */
  List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String value : params(name)) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }

  int intParam(String name, int fallback, int min, int max) {
    String text = param(name);
    if (text == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiProblem.parameter(name, "\"" + text + "\" is not a whole number");
    }
    if (value < min || value > max) {
      throw ApiProblem.parameter(name, value + " is not between " + min + " and " + max);
    }
    return value;
  }

  /** The request's body as text, at most {@link #MAX_BODY} bytes. */
  String body() throws IOException {
    return body(MAX_BODY);
  }

  /** The request's body as text, at most {@code max} bytes (413 past them). */
  String body(int max) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          throw ApiProblem.http(413, "the body is larger than " + max + " bytes");
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** A string with the home's secrets masked, for an answer written by hand. */
  String masked(String text) {
    return Masked.text(text, redactor);
  }

  void json(int status, Object value) throws IOException {
    send(status, "application/json", Json.utf8(value, this::masked));
  }

  void problem(ApiProblem p) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", p.type);
    body.put("title", p.title);
    body.put("status", p.status);
    body.put("detail", p.getMessage());
    if (!p.problems.isEmpty()) {
      body.put("problems", dev.runner.query.ValidationJson.problems(p.problems));
    }
    if (!p.allow.isEmpty()) {
      exchange.getResponseHeaders().set("Allow", String.join(", ", p.allow));
    }
    send(p.status, "application/problem+json", Json.utf8(body, this::masked));
  }

  /** An answer without a body: 204 after a delete. */
  void empty(int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
  }

  void text(int status, String text) throws IOException {
    send(status, "text/plain", Masked.text(text, redactor));
  }

  /** An answer from the jar itself: nothing of the user's is in it to mask. */
  void fromJar(String type, String body) throws IOException {
    send(200, type, body);
  }

  private void send(int status, String type, String body) throws IOException {
    send(status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private void send(int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
