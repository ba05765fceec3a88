package dev.runner.task.http;

import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One HTTP exchange made by a task, shared by the {@code http}, Notion and Dify types: sending with
 * cancellation, reading a body or a server-sent event stream, and the status rules of SPEC 9 (5xx,
 * 429 and connection errors are technical failures, other 4xx business failures).
 */
public final class HttpCall {

  /** Characters of a response body kept in the history message. */
  public static final int BODY_IN_MESSAGE = 500;

  private HttpCall() {}

  public static HttpClient client(Duration timeout, boolean followRedirects) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
        .build();
  }

  /** A response, or the failure that stopped it. */
  public record Response(int status, String body, Map<String, String> headers) {
    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), null);
    }
  }

  /** Thrown when the exchange failed before an answer: always a technical failure. */
  public static final class Failure extends Exception {
    public Failure(String message) {
      super(message);
    }
  }

  /** Sends and reads the whole body; stops when the run is cancelled. */
  public static Response send(HttpClient client, HttpRequest request, TaskContext context)
      throws Failure, InterruptedException {
    return await(
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
        request,
        context,
        HttpResponse::body);
  }

  /**
   * Sends and reads a {@code text/event-stream}: each event's {@code data} goes to {@code onEvent}
   * (the event name first, then the data, joined by a newline) as it arrives.
   */
  public static Response stream(
      HttpClient client, HttpRequest request, TaskContext context, Consumer<Event> onEvent)
      throws Failure, InterruptedException {
    return await(
        client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()),
        request,
        context,
        response -> {
          if (response.statusCode() / 100 != 2) {
            return readAll(response.body());
          }
          readEvents(response.body(), onEvent);
          return "";
        });
  }

  /** A server-sent event: its name ({@code message} when none was given) and data. */
  public record Event(String name, String data) {}

  private static void readEvents(InputStream body, Consumer<Event> onEvent) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            onEvent.accept(new Event(name, data.toString()));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
        }
      }
      if (data.length() > 0) {
        onEvent.accept(new Event(name, data.toString()));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream body) {
    try (InputStream in = body) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static <T> Response await(
      CompletableFuture<HttpResponse<T>> future,
      HttpRequest request,
      TaskContext context,
      java.util.function.Function<HttpResponse<T>, String> read)
      throws Failure, InterruptedException {
    context.cancellation().onCancel(() -> future.cancel(true));
    HttpResponse<T> response;
    try {
      response = future.get();
    } catch (CancellationException e) {
      throw new Failure(request.method() + " " + request.uri() + ": stopped (timeout)");
    } catch (ExecutionException e) {
      throw new Failure(request.method() + " " + request.uri() + ": " + describe(e.getCause()));
    }
    String body;
    try {
      body = read.apply(response);
    } catch (java.io.UncheckedIOException e) {
      throw new Failure(
          request.method() + " " + request.uri() + ": the stream broke: " + e.getCause());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    return new Response(response.statusCode(), body, headers);
  }

  private static String describe(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    if (cause instanceof ConnectException) {
      return "cannot connect ("
          + (cause.getMessage() == null ? "refused" : cause.getMessage())
          + ")";
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  /** SPEC 9: what an unexpected status means. */
  public static TaskResult unexpected(Response response, String what) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("http_status", response.status());
    details.put("body", shorten(response.body()));
    String summary = what + ": HTTP " + response.status() + " " + shorten(response.body());
    int status = response.status();
    if (status >= 500 || status == 429) {
      return new TaskResult.TechnicalFailure(summary, details);
    }
    return new TaskResult.BusinessFailure(summary, details);
  }

  public static String shorten(String text) {
    String flat = text == null ? "" : text.strip();
    return flat.length() <= BODY_IN_MESSAGE ? flat : flat.substring(0, BODY_IN_MESSAGE) + "…";
  }
}
