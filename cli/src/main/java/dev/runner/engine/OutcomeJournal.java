package dev.runner.engine;

import dev.runner.store.Instants;
import dev.runner.store.PrivateFiles;
import dev.runner.store.RunEnd;
import dev.runner.store.RunStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each run's own small file in {@code journal/}, made before the run starts and given the run's
 * outcome before the database is. Two promises rest on it. An outcome the database cannot take now
 * (a full disk, a lock held past the busy timeout) is recorded by a later process instead of
 * turning into a crash and a second run. And a run whose runner died is known to have started or
 * not: a claimed run without a file never began, so it is queued again rather than called crashed.
 *
 * <p>The file is made at its full size when the run starts, so that writing the outcome into it
 * later needs no new space on a disk that has filled up in the meantime.
 */
final class OutcomeJournal {

  /** Room for an outcome: the output tail (2000 characters) and the task's details fit. */
  static final int RESERVED = 16 * 1024;

  /** A file left by an earlier process under the same id (a restored database) is replaced. */
  private static final OpenOption[] RESERVE = {
    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING
  };

  private final Path dir;

  OutcomeJournal(Path dir) {
    this.dir = dir;
  }

  /** What a run's file says: the run, and its outcome once the task ended. */
  record Entry(
      long run, String task, Instant scheduledFor, int attempt, Optional<Outcome> outcome) {}

  /** A run's end, and when it is tried again (null when this attempt is its last). */
  record Outcome(RunEnd end, Instant retryAt) {}

  Path file(long run) {
    return dir.resolve(run + ".json");
  }

  /** Makes the run's file at its full size; a run starts only once this has succeeded. */
  void reserve(Claim claim) throws IOException {
    try (FileChannel channel = PrivateFiles.open(file(claim.id()), RESERVE)) {
      write(channel, Json.write(header(claim)));
    }
  }

  /** Writes the outcome into the run's file, over the space {@link #reserve} set aside. */
  void record(Claim claim, Outcome outcome) throws IOException {
    Map<String, Object> entry = header(claim);
    RunEnd end = outcome.end();
    Map<String, Object> ended = new LinkedHashMap<>();
    ended.put("status", end.status().dbName());
    ended.put("started", end.started() == null ? null : Instants.format(end.started()));
    ended.put("end", Instants.format(end.end()));
    ended.put("seconds", end.seconds());
    ended.put("message", end.message());
    ended.put("last", end.last());
    ended.put("retry_at", outcome.retryAt() == null ? null : Instants.format(outcome.retryAt()));
    entry.put("outcome", ended);
    try (FileChannel channel = FileChannel.open(file(claim.id()), StandardOpenOption.WRITE)) {
      write(channel, Json.write(entry));
      channel.force(false);
    }
  }

  /** Whether the run's file exists, that is, whether the run was ever started. */
  boolean started(long run) {
    return Files.exists(file(run));
  }

  /** Drops the run's file once the database holds its outcome; a leftover is dropped later. */
  void remove(long run) {
    try {
      Files.deleteIfExists(file(run));
    } catch (IOException e) {
      // a later pass removes it: its run is no longer running there
    }
  }

  /** Every file's entry, oldest run first; none when there is no journal folder. */
  List<Entry> entries() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        read(file).ifPresent(entries::add);
      }
    } catch (IOException e) {
      return entries;
    }
    entries.sort((a, b) -> Long.compare(a.run(), b.run()));
    return entries;
  }

  private static Map<String, Object> header(Claim claim) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("run", claim.id());
    entry.put("task", claim.task().name());
    entry.put("scheduled_for", Instants.format(claim.scheduledFor()));
    entry.put("attempt", claim.attempt());
    return entry;
  }

  /**
   * The entry and spaces up to the reserved size, in place from the start: whatever the file held
   * before is covered, and trailing spaces are still one JSON document.
   */
  private static void write(FileChannel channel, String json) throws IOException {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] padded = Arrays.copyOf(text, Math.max(text.length, RESERVED));
    Arrays.fill(padded, text.length, padded.length, (byte) ' ');
    ByteBuffer buffer = ByteBuffer.wrap(padded);
    long position = 0;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }

  /** A file cut short by a crash while it was written reads as a run that started, no more. */
  private static Optional<Entry> read(Path file) {
    String name = file.getFileName().toString();
    long run;
    try {
      run = Long.parseLong(name.substring(0, name.length() - ".json".length()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Map<String, Object> entry;
    try {
      entry = Json.readObject(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException | RuntimeException e) {
      return Optional.of(new Entry(run, null, null, 0, Optional.empty()));
    }
    try {
      return Optional.of(
          new Entry(
              run,
              (String) entry.get("task"),
              Instants.parse((String) entry.get("scheduled_for")),
              ((Number) entry.get("attempt")).intValue(),
              outcome(entry.get("outcome"))));
    } catch (RuntimeException e) {
      return Optional.of(new Entry(run, null, null, 0, Optional.empty()));
    }
  }

  private static Optional<Outcome> outcome(Object value) {
    if (!(value instanceof Map<?, ?> ended)) {
      return Optional.empty();
    }
    Object started = ended.get("started");
    Object retryAt = ended.get("retry_at");
    RunEnd end =
        new RunEnd(
            RunStatus.fromDb((String) ended.get("status")),
            started == null ? null : Instants.parse((String) started),
            Instants.parse((String) ended.get("end")),
            ((Number) ended.get("seconds")).doubleValue(),
            (String) ended.get("message"),
            Boolean.TRUE.equals(ended.get("last")));
    return Optional.of(new Outcome(end, retryAt == null ? null : Instants.parse((String) retryAt)));
  }
}
