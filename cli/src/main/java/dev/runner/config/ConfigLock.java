package dev.runner.config;

import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One edit of {@code tasks_config.json} at a time, from read to rename: two requests of {@code
 * runner web} by a lock of this editor's, and {@code runner enable} beside the server by a file
 * lock on {@code locks/config.lock} (a file lock alone would not do: the JVM refuses a second one
 * of its own on the same file).
 */
final class ConfigLock {

  private final ReentrantLock threads = new ReentrantLock();

  /** Held until closed. */
  interface Held extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  Held acquire(Home home) throws IOException {
    threads.lock();
    try {
      Path file = home.dir().resolve("locks").resolve("config.lock");
      FileChannel channel =
          PrivateFiles.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.lock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return () -> {
        try {
          lock.release();
          channel.close();
        } finally {
          threads.unlock();
        }
      };
    } catch (IOException | RuntimeException e) {
      threads.unlock();
      throw e;
    }
  }
}
