package dev.runner.engine;

import dev.runner.config.Redactor;
import dev.runner.config.Sizes;
import dev.runner.store.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's output: every line, masked, into {@code logs/runs/<task>/<run-id>.log}, optionally echoed
 * live, with the last lines kept for the history message. The file is made at the first line: a run
 * that prints nothing (most cron jobs) costs no file.
 *
 * <p>Past {@code RUNNER_MAX_OUTPUT} the log keeps the output's first half and its last half: once
 * the head is full, lines go to two spool files beside the log, used in turn, each emptied when its
 * turn comes again, so the last half-cap (and at most a cap) is always on disk and memory stays
 * constant whatever the run prints. At the end the spool follows a marker line in the log.
 */
final class RunOutput implements OutputSink, AutoCloseable {

  static final int TAIL_LINES = 20;
  static final int TAIL_CHARS = 2000;

  private final Path logFile;
  private final Redactor redactor;
  private final PrintWriter echo;
  private final Deque<String> tail = new ArrayDeque<>();
  private BufferedWriter file;

  /** The most bytes the log keeps (0: no cap), half from the start and half from the end. */
  private final long cap;

  private long headBytes;
  private final Spool[] spools;
  private int current;
  private long spooledLines;
  private long spooledBytes;

  /** Lines that could not be written to the file (a full disk, the folder gone). */
  private long unwritten;

  /** The unmasked end of a long line's pieces, which may hold the start of a secret. */
  private final StringBuilder held = new StringBuilder();

  RunOutput(Path logFile, Redactor redactor, PrintWriter echo) {
    this(logFile, redactor, echo, 0);
  }

  RunOutput(Path logFile, Redactor redactor, PrintWriter echo, long cap) {
    this.logFile = logFile;
    this.redactor = redactor;
    this.echo = echo;
    this.cap = cap;
    this.spools =
        new Spool[] {
          new Spool(logFile.resolveSibling(logFile.getFileName() + ".tail-0")),
          new Spool(logFile.resolveSibling(logFile.getFileName() + ".tail-1"))
        };
  }

  /** One of the two files the end of a long output goes to. */
  private static final class Spool {
    final Path path;
    BufferedWriter out;
    long lines;
    long bytes;

    Spool(Path path) {
      this.path = path;
    }

    void restart() throws IOException {
      close();
      PrivateFiles.create(path);
      out =
          Files.newBufferedWriter(
              path,
              StandardCharsets.UTF_8,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      lines = 0;
      bytes = 0;
    }

    void close() {
      if (out != null) {
        try {
          out.close();
        } catch (IOException ignored) {
          // read or deleted next; nothing more to write
        }
        out = null;
      }
    }
  }

  private BufferedWriter file() throws IOException {
    if (file == null) {
      PrivateFiles.create(logFile);
      file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
    return file;
  }

  /** A long line's piece: what can be masked alone is written as a line of its own. */
  @Override
  public synchronized void piece(String raw) {
    held.append(raw);
    int cut = redactor.safeCut(held);
    if (cut > 0) {
      String part = held.substring(0, cut);
      held.delete(0, cut);
      write(part);
    }
  }

  @Override
  public synchronized void line(String raw) {
    if (held.length() > 0) {
      raw = held + raw;
      held.setLength(0);
    }
    write(raw);
  }

  private void write(String raw) {
    String line = redactor.redact(raw);
    // counted only under a cap: an encoding per line is work a run without one need not do
    long bytes = cap == 0 ? 0 : line.getBytes(StandardCharsets.UTF_8).length + 1L;
    try {
      if (cap == 0 || (spooledLines == 0 && headBytes + bytes <= cap / 2)) {
        BufferedWriter file = file();
        file.write(line);
        file.write('\n');
        file.flush();
        headBytes += bytes;
      } else {
        spool(line, bytes);
      }
    } catch (IOException e) {
      unwritten++; // the disk is full or gone; the run goes on and the tail reaches the history
    }
    if (echo != null) {
      echo.println(line);
      echo.flush();
    }
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }

  /**
   * A line past the head: into the current spool; when that holds a quarter cap, the other's turn.
   */
  private void spool(String line, long bytes) throws IOException {
    spooledLines++;
    spooledBytes += bytes;
    long quarter = Math.max(1, (cap - cap / 2) / 2);
    Spool spool = spools[current];
    if (spool.out == null) {
      spool.restart(); // the first line past the head
    } else if (spool.bytes > 0 && spool.bytes + bytes > quarter) {
      spool.close();
      current = 1 - current;
      spool = spools[current];
      spool.restart(); // what the other held is dropped now
    }
    spool.out.write(line);
    spool.out.write('\n');
    spool.out.flush();
    spool.lines++;
    spool.bytes += bytes;
  }

  /**
   * At the run's end, when the output passed the cap: the kept end after a marker saying what was
   * dropped, the spool files removed; what was dropped, for the history message.
   */
  synchronized Optional<Map<String, Object>> finishCap() {
    if (spooledLines == 0) {
      return Optional.empty();
    }
    Spool older = spools[1 - current];
    Spool newer = spools[current];
    older.close();
    newer.close();
    long keptLines = older.lines + newer.lines;
    long keptBytes = older.bytes + newer.bytes;
    long droppedLines = spooledLines - keptLines;
    long droppedBytes = spooledBytes - keptBytes;
    try {
      BufferedWriter file = file();
      file.write(
          "[runner: "
              + droppedLines
              + " lines ("
              + Sizes.format(droppedBytes)
              + ") of output dropped here: the run printed more than RUNNER_MAX_OUTPUT ("
              + Sizes.format(cap)
              + "); its first "
              + Sizes.format(headBytes)
              + " and last "
              + Sizes.format(keptBytes)
              + " are kept]\n");
      file.flush();
      try (OutputStream out = Files.newOutputStream(logFile, StandardOpenOption.APPEND)) {
        for (Spool spool : List.of(older, newer)) {
          if (spool.lines > 0) {
            Files.copy(spool.path, out);
          }
        }
      }
    } catch (IOException e) {
      unwritten += keptLines;
    } finally {
      for (Spool spool : spools) {
        try {
          Files.deleteIfExists(spool.path);
        } catch (IOException ignored) {
          // a leftover spool is owner-only and goes with the run's folder
        }
      }
    }
    Map<String, Object> dropped = new LinkedHashMap<>();
    dropped.put("lines", droppedLines);
    dropped.put("bytes", droppedBytes);
    dropped.put("cap_bytes", cap);
    return Optional.of(dropped);
  }

  /**
   * At the run's end: when the log file was removed during the run (its folder deleted), it is made
   * again with what is left, the last lines; empty when the log is whole, else what the history
   * should say about it.
   */
  synchronized Optional<String> checkLog() {
    boolean vanished = file != null && !Files.exists(logFile);
    if (!vanished && unwritten == 0) {
      return Optional.empty();
    }
    String loss =
        vanished
            ? "the run log "
                + logFile
                + " was removed during the run; it was made again with the"
                + " last lines"
            : unwritten + " lines could not be written to " + logFile;
    if (vanished) {
      close();
      file = null;
      try {
        BufferedWriter again = file();
        again.write("[runner: " + loss + "]\n");
        for (String line : tail) {
          again.write(line);
          again.write('\n');
        }
        again.flush();
      } catch (IOException e) {
        loss = "the run log " + logFile + " was removed during the run and cannot be made again";
      }
    }
    return Optional.of(loss);
  }

  /** The last lines, at most {@link #TAIL_CHARS} characters, keeping the end. */
  synchronized String tail() {
    String joined = String.join("\n", tail);
    return joined.length() <= TAIL_CHARS ? joined : joined.substring(joined.length() - TAIL_CHARS);
  }

  @Override
  public synchronized void close() {
    for (Spool spool : spools) {
      spool.close();
    }
    if (file == null) {
      return;
    }
    try {
      file.close();
    } catch (IOException ignored) {
      // nothing more to write
    }
  }
}
