package dev.runner.engine;

import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Liveness of runs (docs/locking-and-crashes.md, "Task locks and liveness"): the process that owns
 * a run holds a shared lock on its task's file in {@code locks/} for the run's life. The operating
 * system drops the lock when the process dies, so a {@code running} row whose task lock can be
 * taken exclusively has a dead owner.
 *
 * <p>Java file locks belong to the whole JVM, so holds within this process are counted here.
 */
public final class TaskLocks {

  private final Path folder;
  private final Map<String, Held> held = new HashMap<>();

  public TaskLocks(Path folder) {
    this.folder = folder;
  }

  private record Held(FileChannel channel, FileLock lock, int count) {}

  /** Holds the task's lock (shared with other owners) until {@link #release} is called as often. */
  public synchronized void hold(String task) throws IOException {
    Held current = held.get(task);
    if (current != null) {
      held.put(task, new Held(current.channel(), current.lock(), current.count() + 1));
      return;
    }
    FileChannel channel = open(task);
    FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
    held.put(task, new Held(channel, lock, 1));
  }

  public synchronized void release(String task) {
    Held current = held.get(task);
    if (current == null) {
      return;
    }
    if (current.count() > 1) {
      held.put(task, new Held(current.channel(), current.lock(), current.count() - 1));
      return;
    }
    held.remove(task);
    try {
      current.lock().release();
      current.channel().close();
    } catch (IOException ignored) {
      // closing the channel drops the lock anyway
    }
  }

  /** Whether some live process (this one included) holds the task's lock. */
  public synchronized boolean ownerAlive(String task) throws IOException {
    if (held.containsKey(task)) {
      return true;
    }
    try (FileChannel channel = open(task)) {
      FileLock probe;
      try {
        probe = channel.tryLock(0, Long.MAX_VALUE, false);
      } catch (OverlappingFileLockException e) {
        return true; // another engine in this very JVM holds it
      }
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    }
  }

  private FileChannel open(String task) throws IOException {
    Path file = PrivateFiles.create(TaskFiles.lock(folder, task));
    return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }
}
