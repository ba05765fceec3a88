package dev.runner.web;

import dev.runner.config.Redactor;
import dev.runner.engine.Json;
import dev.runner.query.LogLines;
import dev.runner.query.RunDetail;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/runs/{id}/log?follow=1}: the run's log as server-sent events, {@code line} per
 * line (masked) as {@code runner logs --follow} reads it, then {@code end} with the run's status.
 *
 * <p>Each follow waits on the file, so it takes a thread of its own, from a pool apart from the
 * HTTP threads (whose 8 would otherwise be held by 8 watching browsers) with at most {@link
 * #MAX_FOLLOWERS}: one more is answered 503 rather than queued behind the others.
 */
final class LogStream implements AutoCloseable {

  static final int MAX_FOLLOWERS = 32;
  static final Duration POLL = Duration.ofMillis(200);

  private final Store reads;
  private final Supplier<Redactor> redactor;
  private final Semaphore slots = new Semaphore(MAX_FOLLOWERS);
  private final ExecutorService followers;

  LogStream(Store reads, Supplier<Redactor> redactor) {
    this.reads = reads;
    this.redactor = redactor;
    AtomicInteger count = new AtomicInteger();
    this.followers =
        new ThreadPoolExecutor(
            0,
            MAX_FOLLOWERS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread thread = new Thread(r, "runner-web-log-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts following {@code detail}'s log; the HTTP thread returns at once. */
  void follow(Call call, RunDetail detail) throws IOException {
    if (!slots.tryAcquire()) {
      throw ApiProblem.http(
          503, "already " + MAX_FOLLOWERS + " logs followed; try again when one ends");
    }
    SseStream stream;
    try {
      stream = SseStream.open(call, redactor.get());
    } catch (IOException | RuntimeException e) {
      slots.release();
      throw e;
    }
    try {
      followers.execute(
          () -> {
            try {
              send(stream, detail);
            } finally {
              stream.close();
              slots.release();
            }
          });
    } catch (RuntimeException e) { // the pool is shut down: the server is stopping
      stream.close();
      slots.release();
    }
  }

  private void send(SseStream stream, RunDetail detail) {
    long id = detail.row().id();
    Lines lines = new Lines(stream);
    try {
      if (Files.exists(detail.logFile()) || detail.row().status() == RunStatus.RUNNING) {
        AtomicInteger polls = new AtomicInteger();
        LogLines.follow(
            detail.logFile(), () -> running(id, stream, polls.incrementAndGet()), lines, POLL);
      } else {
        Optional<String> tail = detail.message().outputTail();
        if (tail.isPresent()) {
          lines.write(tail.get());
        }
      }
      lines.close();
    } catch (IOException e) {
      return; // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String status = reads.find(id).map(RunRecord::status).orElse(detail.row().status()).dbName();
    stream.event("end", Json.write(Map.of("status", status)));
  }

  /** Polls between two comments that find out whether a quiet run's client is still there. */
  static final int PROBE_EVERY = 25;

  /** Still running, and still watched: a client that left ends the follow within seconds. */
  private boolean running(long id, SseStream stream, int poll) {
    if (stream.closed() || (poll % PROBE_EVERY == 0 && !stream.comment("ping"))) {
      return false;
    }
    return reads.find(id).map(r -> r.status() == RunStatus.RUNNING).orElse(false);
  }

  /** What {@link LogLines#follow} writes, cut into lines, each sent as one {@code line} event. */
  private static final class Lines extends Writer {
    private final SseStream stream;
    private final StringBuilder partial = new StringBuilder();

    Lines(SseStream stream) {
      this.stream = stream;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        char c = buffer[i];
        if (c == '\n') {
          send();
        } else if (c != '\r') {
          partial.append(c);
        }
      }
    }

    private void send() throws IOException {
      String line = partial.toString();
      partial.setLength(0);
      if (!stream.event("line", line)) {
        throw new IOException("the client went away");
      }
    }

    @Override
    public void flush() {}

    /** A last line without its newline is a line too. */
    @Override
    public void close() throws IOException {
      if (!partial.isEmpty()) {
        send();
      }
    }
  }

  @Override
  public void close() {
    followers.shutdownNow();
  }
}
