package dev.runner.daemon;

import dev.runner.engine.ExclusiveLock;
import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One daemon per home: a second would be safe (fires are claimed once) but would only double the
 * work of planning. The file names the holder's pid, and its modification time is the daemon's
 * heartbeat, written after every pass, for {@code runner daemon --status} (Docker's HEALTHCHECK).
 */
public final class DaemonLock implements AutoCloseable {

  private final ExclusiveLock lock;

  private DaemonLock(ExclusiveLock lock) {
    this.lock = lock;
  }

  /** Where a home's daemon lock lives. */
  public static Path file(Path home) {
    return home.resolve("locks").resolve("daemon.lock");
  }

  /** The lock, or empty with the holder's pid in {@code holder} (when it could be read). */
  public static Optional<DaemonLock> tryAcquire(Path file, StringBuilder holder)
      throws IOException {
    PrivateFiles.createDirectories(file.getParent());
    Optional<ExclusiveLock> lock = ExclusiveLock.tryAcquire(file);
    if (lock.isEmpty()) {
      holder.append(Files.readString(file, StandardCharsets.UTF_8).strip());
      return Optional.empty();
    }
    DaemonLock daemon = new DaemonLock(lock.get());
    daemon.beat();
    return Optional.of(daemon);
  }

  /** What another process can tell of the daemon of a home. */
  public record Status(boolean running, String pid, Instant lastPass) {}

  public static Status status(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Status(false, "", null);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock probe = channel.tryLock();
      if (probe != null) {
        probe.release();
        return new Status(false, "", null);
      }
    }
    return new Status(
        true,
        Files.readString(file, StandardCharsets.UTF_8).strip(),
        Files.getLastModifiedTime(file).toInstant());
  }

  /** The heartbeat: the pid written again, which moves the file's modification time. */
  public void beat() {
    try {
      lock.write(ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      // a missed beat shows as an old one; the daemon itself goes on
    }
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }
}
