package dev.runner.cli;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent-events client for the tests: the JDK's HTTP client reads the stream's lines on a
 * thread of its own, each event (its name and data) is queued, and the test waits for the one it
 * expects with a deadline.
 */
final class SseClient implements AutoCloseable {

  record Event(String name, String data) {}

  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;
  private volatile boolean ended;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static SseClient open(WebProcess web, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(web.url.resolve(path)).header("Accept", "text/event-stream").build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(30, TimeUnit.SECONDS);
    return new SseClient(response);
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private void read() {
    String name = "message";
    StringBuilder data = null;
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(name, data.toString()));
          }
          name = "message";
          data = null;
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = data == null ? new StringBuilder() : data.append('\n');
          data.append(line.substring(6));
        } else if (line.startsWith(":")) {
          events.add(new Event(":", line.substring(1).strip()));
        }
      }
    } catch (RuntimeException e) {
      // closed by the test, or the server ended the stream
    } finally {
      ended = true;
    }
  }

  /** Waits for the first event (after those taken) that matches; fails after 30 s. */
  Event await(String what, Predicate<Event> wanted) throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(end)) {
      Event event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null) {
        seen.add(event);
        if (wanted.test(event)) {
          return event;
        }
      }
    }
    throw new AssertionError("no " + what + " within 30 s; events: " + seen);
  }

  /** Every event up to the stream's end (the server closed it), comments left out. */
  List<Event> untilEnd() throws InterruptedException {
    List<Event> all = new ArrayList<>();
    Instant end = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(end)) {
      Event event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event == null && ended && events.isEmpty()) {
        return all;
      }
      if (event != null && !event.name().equals(":")) {
        all.add(event);
      }
    }
    throw new AssertionError("the stream did not end within 30 s; events: " + all);
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
