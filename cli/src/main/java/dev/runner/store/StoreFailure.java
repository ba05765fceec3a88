package dev.runner.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

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
    return of(file, String.valueOf(cause.getMessage()), cause);
  }

  static StoreException of(Path file, String message, Exception cause) {
    StoreException.Kind kind = kind(cause);
    if (kind == StoreException.Kind.INTERNAL && ioError(cause) && nearlyFull(file)) {
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

  private static boolean ioError(Exception cause) {
    return cause instanceof IOException
        || (cause instanceof SQLiteException sqlite
            && sqlite.getResultCode().name().startsWith("SQLITE_IOERR"));
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
    if (cause instanceof SQLiteException sqlite) {
      String code = sqlite.getResultCode().name();
      if (code.startsWith("SQLITE_FULL")) {
        return StoreException.Kind.DISK_FULL;
      }
      if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
        return StoreException.Kind.LOCKED;
      }
      if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
        return StoreException.Kind.CORRUPT;
      }
      if (code.startsWith("SQLITE_READONLY")) {
        return StoreException.Kind.READ_ONLY;
      }
      if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM")) {
        return StoreException.Kind.NO_PERMISSION;
      }
    }
    if (cause instanceof SQLException sql && sql.getMessage() != null) {
      return fromText(sql.getMessage());
    }
    if (cause instanceof AccessDeniedException) {
      return StoreException.Kind.NO_PERMISSION;
    }
    if (cause instanceof IOException) {
      return fromText(String.valueOf(cause.getMessage()));
    }
    return StoreException.Kind.INTERNAL;
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
