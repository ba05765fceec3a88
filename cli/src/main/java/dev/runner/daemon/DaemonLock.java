package dev.runner.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One daemon per home: a second would be safe (fires are claimed once) but would only double the
 * work of planning. The file names the holder's pid for the message of the one turned away.
 */
public final class DaemonLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DaemonLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
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

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
