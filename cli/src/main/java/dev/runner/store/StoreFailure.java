package dev.runner.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns what SQLite or the file system said into a {@link StoreException} of the kind the user can
 * act on: a full disk, a held lock or a damaged file is the environment, not a bug in runner.
 */
public final class StoreFailure {

  private StoreFailure() {}

  /** Below this much free space an I/O error is taken for a full disk. */
  private static final long NEARLY_FULL = 1 << 20;

  /** A file-system failure outside the database (a lock or log file), classified the same way. */
  public static StoreException of(IOException cause) {
    Path file =
        cause instanceof FileSystemException fs && fs.getFile() != null
            ? Path.of(fs.getFile())
            : Path.of(".");
    return of(file, String.valueOf(cause.getMessage()), cause, StoreException.Kind.INTERNAL, true);
  }

  /**
   * The failure of the database at {@code file}: {@code said} is the kind its own error code names
   * ({@code INTERNAL} when it names none), {@code ioError} whether it was an I/O error, which on a
   * nearly full disk is taken for a full one.
   */
  public static StoreException of(
      Path file, String message, Exception cause, StoreException.Kind said, boolean ioError) {
    StoreException.Kind kind = said == StoreException.Kind.INTERNAL ? kind(cause) : said;
    if (kind == StoreException.Kind.INTERNAL && ioError && nearlyFull(file)) {
      // SQLite says SQLITE_IOERR_SHMSIZE or _WRITE, not SQLITE_FULL, when the -shm or -wal
      // file cannot grow on a full disk
      kind = StoreException.Kind.DISK_FULL;
    }
    if ((kind == StoreException.Kind.NO_PERMISSION || kind == StoreException.Kind.INTERNAL)
        && readOnlyDisk(file)) {
      kind = StoreException.Kind.READ_ONLY; // SQLite says only SQLITE_CANTOPEN
    }
    return new StoreException(kind, message, cause);
  }

  private static boolean nearlyFull(Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      return Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean readOnlyDisk(Path file) {
    try {
      return Files.getFileStore(file.toAbsolutePath().getParent()).isReadOnly();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static StoreException.Kind kind(Exception cause) {
    if (cause instanceof AccessDeniedException) {
      return StoreException.Kind.NO_PERMISSION;
    }
    return cause.getMessage() == null ? StoreException.Kind.INTERNAL : fromText(cause.getMessage());
  }

  private static StoreException.Kind fromText(String text) {
    if (text.contains("No space left") || text.contains("SQLITE_FULL")) {
      return StoreException.Kind.DISK_FULL;
    }
    if (text.contains("Read-only file system")) {
      return StoreException.Kind.READ_ONLY;
    }
    if (text.contains("Permission denied")) {
      return StoreException.Kind.NO_PERMISSION;
    }
    return StoreException.Kind.INTERNAL;
  }
}
