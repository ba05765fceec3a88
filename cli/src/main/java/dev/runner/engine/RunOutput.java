package dev.runner.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A run's output: every line, masked, into {@code logs/runs/<task>/<run-id>.log}, optionally echoed
 * live, with the last lines kept for the history message. The file is made at the first line: a run
 * that prints nothing (most cron jobs) costs no file.
 */
final class RunOutput implements AutoCloseable {

  static final int TAIL_LINES = 20;
  static final int TAIL_CHARS = 2000;

  private final Path logFile;
  private final Redactor redactor;
  private final PrintWriter echo;
  private final Deque<String> tail = new ArrayDeque<>();
  private BufferedWriter file;

  RunOutput(Path logFile, Redactor redactor, PrintWriter echo) {
    this.logFile = logFile;
    this.redactor = redactor;
    this.echo = echo;
  }

  private BufferedWriter file() throws IOException {
    if (file == null) {
      Path folder = logFile.getParent();
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(
            folder,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (!Files.exists(logFile)) {
        Files.createFile(
            logFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
    return file;
  }

  synchronized void line(String raw) {
    String line = redactor.redact(raw);
    try {
      BufferedWriter file = file();
      file.write(line);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      // the disk is full or gone; the run goes on and the tail still reaches the history
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
