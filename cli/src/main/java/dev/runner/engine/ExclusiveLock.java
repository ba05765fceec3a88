package dev.runner.engine;

import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a file of its own, never taken on the database file: the lock a tick holds
 * while it sweeps, plans and claims ({@code runner.lock}, released before any task runs), and the
 * daemon's for its life ({@code locks/daemon.lock}).
 */
public final class ExclusiveLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private ExclusiveLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another process holds it. */
  public static Optional<ExclusiveLock> tryAcquire(Path file) throws IOException {
    FileChannel channel =
        PrivateFiles.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this very process holds it already
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new ExclusiveLock(channel, lock));
  }

  /**
   * Replaces the file's text through the locked channel. (Writing it any other way would open and
   * close the file, and closing any descriptor of a file drops this process's POSIX lock on it.)
   */
  public void write(String text) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
  }

  @Override
  public void close() throws IOException {
    if (lock.isValid()) {
      lock.release();
    }
    channel.close();
  }
}
