package dev.runner.engine;

import dev.runner.store.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * When a tick or the daemon last passed over a home, so {@code runner status} can tell whether cron
 * is calling at all. The instant is the modification time of an empty file: the idle tick only
 * moves it, which costs one system call and no class beyond {@link File}.
 *
 * <p>Only JDK classes here (and {@link PrivateFiles}, JDK-only too, when the file is made): the
 * fast path must not pull the rest of runner into the JVM.
 */
public final class PassMark {

  private PassMark() {}

  static Path file(Path home) {
    return home.resolve("locks").resolve("pass");
  }

  /** Marks a pass at {@code at}; a home that cannot be written keeps its older mark. */
  public static void record(Path home, Instant at) {
    File mark = file(home).toFile();
    if (mark.setLastModified(at.toEpochMilli())) {
      return;
    }
    try {
      PrivateFiles.create(file(home));
      mark.setLastModified(at.toEpochMilli());
    } catch (IOException e) {
      // status then reports the last pass it can see, which is the truth of what was recorded
    }
  }

  /** The last pass marked, if any. */
  public static Optional<Instant> last(Path home) {
    File mark = file(home).toFile();
    return mark.exists()
        ? Optional.of(Instant.ofEpochMilli(mark.lastModified()))
        : Optional.empty();
  }
}
