package dev.runner.task.http;

import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One HTTP exchange made by a task, shared by the {@code http}, Notion and Dify types: sending with
 * cancellation, reading a body or a server-sent event stream, and the status rules
 * (docs/statuses-and-exit-codes.md, "HTTP answers"): 5xx, 429 and connection errors are technical
 * failures, any other unexpected status a business failure.
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
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), null);
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
    return send(client, request, context, null);
  }

  /**
   * Sends and reads the whole body; stops when the run is cancelled or, when {@code deadline} is
   * not null, when the whole exchange (connecting, the headers and the body) has taken that long.
   */
  public static Response send(
      HttpClient client, HttpRequest request, TaskContext context, Duration deadline)
      throws Failure, InterruptedException {
    return exchange(
        client,
        request,
        context,
        deadline,
        false,
        (response, events) -> new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
  }

  /**
   * Sends and reads a {@code text/event-stream}: each event's {@code data} goes to {@code onEvent}
   * (the event name first, then the data, joined by a newline) as it arrives.
   */
  public static Response stream(
      HttpClient client, HttpRequest request, TaskContext context, Consumer<Event> onEvent)
      throws Failure, InterruptedException {
    return stream(client, request, context, null, onEvent);
  }

  /**
   * {@link #stream(HttpClient, HttpRequest, TaskContext, Consumer)} within {@code deadline} (when
   * not null) for the whole exchange, the stream to its end included.
   */
  public static Response stream(
      HttpClient client,
      HttpRequest request,
      TaskContext context,
      Duration deadline,
      Consumer<Event> onEvent)
      throws Failure, InterruptedException {
    return exchange(
        client,
        request,
        context,
        deadline,
        true,
        (response, events) -> {
          if (response.statusCode() / 100 != 2) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
          }
          readEvents(
              response.body(),
              event -> {
                events.incrementAndGet();
                onEvent.accept(event);
              });
          return null;
        });
  }

  /** A server-sent event: its name ({@code message} when none was given) and data. */
  public record Event(String name, String data) {}

  private static void readEvents(InputStream body, Consumer<Event> onEvent) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
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
  }

  /** Reads an answer's body; {@code null} for an event stream read to its end. */
  private interface BodyReader {
    String read(HttpResponse<InputStream> response, AtomicInteger events) throws IOException;
  }

  private static Response exchange(
      HttpClient client,
      HttpRequest request,
      TaskContext context,
      Duration deadline,
      boolean eventStream,
      BodyReader reader)
      throws Failure, InterruptedException {
    Exchange exchange =
        new Exchange(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
    context.cancellation().onCancel(() -> exchange.stop(Exchange.Stop.CANCELLED));
    CompletableFuture<Void> timer = new CompletableFuture<>();
    if (deadline != null) {
      timer
          .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete(
              (done, late) -> {
                if (late != null) {
                  exchange.stop(Exchange.Stop.DEADLINE);
                }
              });
    }
    AtomicInteger events = new AtomicInteger();
    try {
      HttpResponse<InputStream> response;
      try {
        response = exchange.answer();
      } catch (CancellationException | ExecutionException e) {
        Exchange.Stop why = exchange.stopped();
        if (why != null) {
          throw stopped(request, why, deadline, -1);
        }
        throw new Failure(what(request) + ": " + describe(e.getCause(), request));
      } catch (InterruptedException e) {
        exchange.stop(Exchange.Stop.CANCELLED);
        throw e;
      }
      boolean sse = false;
      String body;
      try {
        body = reader.read(response, events);
        sse = body == null;
      } catch (IOException | UncheckedIOException e) {
        Exchange.Stop why = exchange.stopped();
        if (why != null) {
          throw stopped(
              request, why, deadline, eventStream && streamed(response) ? events.get() : -2);
        }
        throw new Failure(what(request) + ": the answer broke off: " + e);
      }
      Exchange.Stop why = exchange.finish();
      if (why != null) {
        // The close that stopped it can look like the end of the stream to the reader.
        throw stopped(request, why, deadline, sse ? events.get() : -2);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      return new Response(response.statusCode(), sse ? "" : body, headers);
    } finally {
      timer.complete(null);
      exchange.finish();
    }
  }

  private static boolean streamed(HttpResponse<InputStream> response) {
    return response.statusCode() / 100 == 2;
  }

  private static String what(HttpRequest request) {
    return request.method() + " " + request.uri();
  }

  /**
   * Why a stopped exchange ended, and where: {@code events} is -1 before the answer, -2 while
   * reading a body, else the events of a stream read so far.
   */
  private static Failure stopped(
      HttpRequest request, Exchange.Stop why, Duration deadline, int events) {
    String where =
        switch (events) {
          case -1 -> "waiting for an answer";
          case -2 -> "reading the answer";
          default -> "reading the event stream, after " + events(events);
        };
    if (why == Exchange.Stop.DEADLINE) {
      return new Failure(what(request) + ": timed out after " + format(deadline) + " " + where);
    }
    if (events >= 0) {
      return new Failure(what(request) + ": stopped after " + events(events) + " of the stream");
    }
    return new Failure(what(request) + ": stopped " + where);
  }

  private static String events(int count) {
    return count + (count == 1 ? " event" : " events");
  }

  private static String describe(Throwable cause, HttpRequest request) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "cannot connect in time";
    }
    if (cause instanceof HttpTimeoutException) {
      return request
          .timeout()
          .map(t -> "timed out after " + format(t) + " waiting for an answer")
          .orElse("no answer in time");
    }
    if (cause instanceof ConnectException) {
      return "cannot connect ("
          + (cause.getMessage() == null ? "refused" : cause.getMessage())
          + ")";
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  /** A duration as config writes it: {@code 1s}, {@code 90s}, {@code 10m}, {@code 250ms}. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** What an unexpected status means (docs/statuses-and-exit-codes.md, "HTTP answers"). */
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
