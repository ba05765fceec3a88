package dev.runner.web;

import com.sun.net.httpserver.HttpExchange;
import dev.runner.config.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One server-sent-events answer (text/event-stream) kept open after its handler returned: events
 * and comments, each masked and flushed as written, from whichever thread has one to send. A write
 * that fails means the client went away; the stream is closed then and says so.
 */
final class SseStream {

  private final HttpExchange exchange;
  private final Redactor redactor;
  private final OutputStream body;
  private boolean closed;

  private SseStream(HttpExchange exchange, Redactor redactor) {
    this.exchange = exchange;
    this.redactor = redactor;
    this.body = exchange.getResponseBody();
  }

  /** Answers 200 with the stream's headers, in chunks (the length is not known). */
  static SseStream open(Call call, Redactor redactor) throws IOException {
    call.detach();
    HttpExchange exchange = call.exchange;
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    // a reverse proxy (nginx) would otherwise hold the events back in its buffer
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(200, 0);
    SseStream stream = new SseStream(exchange, redactor);
    stream.comment("runner"); // the headers and a first byte go out now, not with the first event
    return stream;
  }

  /** {@code event: NAME} and the data, one {@code data:} line per line of it; false once closed. */
  boolean event(String name, String data) {
    StringBuilder out = new StringBuilder("event: ").append(name).append('\n');
    for (String line : redactor.redact(data).split("\r\n|\r|\n", -1)) {
      out.append("data: ").append(line).append('\n');
    }
    return write(out.append('\n').toString());
  }

  /** A comment line ({@code : ping}), which a client ignores and a dead connection fails. */
  boolean comment(String text) {
    return write(": " + text + "\n\n");
  }

  private synchronized boolean write(String text) {
    if (closed) {
      return false;
    }
    try {
      body.write(text.getBytes(StandardCharsets.UTF_8));
      body.flush();
      return true;
    } catch (IOException e) {
      close();
      return false;
    }
  }

  synchronized boolean closed() {
    return closed;
  }

  /** Ends the answer (the last chunk) and the exchange; once. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      body.close();
    } catch (IOException e) {
      // the client is gone already
    } finally {
      exchange.close();
    }
  }
}
