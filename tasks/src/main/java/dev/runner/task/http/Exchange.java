package dev.runner.task.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One request under way that another thread can stop: before the answer by cancelling the send,
 * after it by closing the body. The JDK client's own request timeout ends at the headers and a
 * thread blocked reading the body ignores interrupts; closing the body's stream is what wakes it
 * (on JDK 17 the read then throws "closed").
 */
final class Exchange {

  /** Why an exchange was stopped before its end. */
  enum Stop {
    /** Its own time ({@code request_timeout}) ran out. */
    DEADLINE,
    /** The run was cancelled: the task's timeout, or runner shutting down. */
    CANCELLED
  }

  private final CompletableFuture<HttpResponse<InputStream>> sent;
  private InputStream body;
  private Stop stopped;
  private boolean finished;

  Exchange(CompletableFuture<HttpResponse<InputStream>> sent) {
    this.sent = sent;
  }

  /** Waits for the status and headers. */
  HttpResponse<InputStream> answer() throws ExecutionException, InterruptedException {
    HttpResponse<InputStream> response = sent.get();
    InputStream toClose;
    synchronized (this) {
      body = response.body();
      toClose = stopped == null ? null : body;
    }
    close(toClose);
    return response;
  }

  /** Stops the exchange unless it has ended or was stopped already; the first reason stays. */
  void stop(Stop why) {
    InputStream toClose;
    synchronized (this) {
      if (finished || stopped != null) {
        return;
      }
      stopped = why;
      toClose = body;
    }
    sent.cancel(true);
    close(toClose);
  }

  synchronized Stop stopped() {
    return stopped;
  }

  /** Ends the exchange: a later stop does nothing. Returns why it was stopped, or null. */
  Stop finish() {
    InputStream toClose;
    Stop why;
    synchronized (this) {
      finished = true;
      why = stopped;
      toClose = body;
    }
    close(toClose);
    return why;
  }

  private static void close(InputStream stream) {
    if (stream == null) {
      return;
    }
    try {
      stream.close();
    } catch (IOException e) {
      // closing is how the exchange is stopped; a failure to close leaves nothing to do
    }
  }
}
