package dev.runner.daemon;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Whether {@code tasks_config.json} or {@code .env} changed since the config in use was read, and a
 * wake-up when they do (inotify through {@link WatchService}, on their folders, so an editor that
 * saves by renaming is seen too). The web server asks {@link #changed} per request instead: a few
 * file stats.
 */
public final class ConfigWatch implements AutoCloseable {

  private final List<Path> files;
  private List<Stamp> accepted;
  private WatchService service;

  public ConfigWatch(List<Path> files) {
    this.files = List.copyOf(files);
    this.accepted = stamps();
  }

  /** What the file system says of one file: enough to see a save, a rename or a removal. */
  private record Stamp(boolean exists, FileTime modified, long size, Object key) {}

  /** Whether a file differs from when {@link #accept} was last called. */
  public boolean changed() {
    return !stamps().equals(accepted);
  }

  /**
   * Takes the files' present state as seen; called before they are read, so a save during the read
   * is a change again.
   */
  public void accept() {
    accepted = stamps();
  }

  private List<Stamp> stamps() {
    return files.stream().map(ConfigWatch::stamp).toList();
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(true, a.lastModifiedTime(), a.size(), a.fileKey());
    } catch (IOException e) {
      return new Stamp(false, null, 0, null);
    }
  }

  /** Calls {@code onChange} from a thread of its own whenever one of the files may have changed. */
  void start(Runnable onChange) throws IOException {
    service = FileSystems.getDefault().newWatchService();
    Set<Path> folders = new LinkedHashSet<>();
    for (Path file : files) {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null && Files.isDirectory(folder) && folders.add(folder)) {
        folder.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
    Set<Path> names = new LinkedHashSet<>();
    files.forEach(f -> names.add(f.getFileName()));
    Thread thread = new Thread(() -> watch(service, names, onChange), "runner-config-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private static void watch(WatchService service, Set<Path> names, Runnable onChange) {
    try {
      while (true) {
        WatchKey key = service.take();
        boolean ours = false;
        for (WatchEvent<?> event : key.pollEvents()) {
          ours |=
              event.kind() == StandardWatchEventKinds.OVERFLOW
                  || names.contains((Path) event.context());
        }
        key.reset();
        if (ours) {
          // An editor's save is several events; reading after they settle spares a reload of a
          // half-written file.
          WatchKey more;
          while ((more = service.poll(150, TimeUnit.MILLISECONDS)) != null) {
            more.pollEvents();
            more.reset();
          }
          onChange.run();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // the daemon is stopping
    }
  }

  @Override
  public void close() {
    if (service != null) {
      try {
        service.close();
      } catch (IOException ignored) {
        // the watching thread ends either way
      }
    }
  }
}
