package dev.runner.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * heartbeat, touched after every pass, for {@code runner daemon --status} (Docker's HEALTHCHECK).
 */
public final class DaemonLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DaemonLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
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
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip(),
        Files.getLastModifiedTime(file).toInstant());
  }

  /**
   * The heartbeat: the pid written again through the locked channel. (Not {@code
   * Files.setLastModifiedTime}: it opens and closes the file, and closing any descriptor of a file
   * drops this process's POSIX lock on it.)
   */
  public void beat() {
    try {
      channel.write(ByteBuffer.wrap(pidLine()), 0);
    } catch (IOException e) {
      // a missed beat shows as an old one; the daemon itself goes on
    }
  }

  /** The lock, or empty with the holder's pid in {@code holder} (when it could be read). */
  public static Optional<DaemonLock> tryAcquire(Path file, StringBuilder holder)
      throws IOException {
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      holder.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip());
      channel.close();
      return Optional.empty();
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    return Optional.of(new DaemonLock(channel, lock));
  }

  private static byte[] pidLine() {
    return (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
