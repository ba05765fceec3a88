package dev.runner.engine;

import dev.runner.config.Redactor;
import dev.runner.store.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A run's output: every line, masked, into {@code logs/runs/<task>/<run-id>.log}, optionally echoed
 * live, with the last lines kept for the history message. The file is made at the first line: a run
 * that prints nothing (most cron jobs) costs no file.
 */
final class RunOutput implements OutputSink, AutoCloseable {

  static final int TAIL_LINES = 20;
  static final int TAIL_CHARS = 2000;

  private final Path logFile;
  private final Redactor redactor;
  private final PrintWriter echo;
  private final Deque<String> tail = new ArrayDeque<>();
  private BufferedWriter file;

  /** Lines that could not be written to the file (a full disk, the folder gone). */
  private long unwritten;

  /** The unmasked end of a long line's pieces, which may hold the start of a secret. */
  private final StringBuilder held = new StringBuilder();

  RunOutput(Path logFile, Redactor redactor, PrintWriter echo) {
    this.logFile = logFile;
    this.redactor = redactor;
    this.echo = echo;
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
    try {
      BufferedWriter file = file();
      file.write(line);
      file.write('\n');
      file.flush();
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
