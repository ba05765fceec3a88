package dev.runner.store;

/**
 * The database could not be opened, read or written; the message says which file and why, the kind
 * tells the user's environment (a full disk, a held lock) from a bug, and carries the hint.
 */
public final class StoreException extends RuntimeException {

  /** What went wrong, as far as the user can act on it; each with what to do about it. */
  public enum Kind {
    DISK_FULL("free space on the disk that holds the database, then run the command again"),
    LOCKED(
        "another process holds the database's write lock; find it with `fuser -v` or `lsof` on"
            + " the database file and let it finish"),
    CORRUPT(
        "the database file is damaged; restore it from a backup, or move it aside and start over"
            + " with `runner db init`; `runner db check` shows what is wrong"),
    READ_ONLY(
        "the home or its database is read-only; make it writable (`chmod u+w`, remount rw);"
            + " `runner history` still reads it meanwhile"),
    NO_PERMISSION("this user may not open the database; check its owner and mode (`ls -l`)"),
    LOST(
        "restore the database file from a backup, or start over with an empty history:"
            + " `runner db init`; `runner db check` shows what is there"),
    UNAVAILABLE(
        "the database server does not answer; check that it runs and that RUNNER_DB and"
            + " RUNNER_DB_PASSWORD in .env name it (`runner db check` tells more); the next tick"
            + " goes on where this one stopped"),
    INTERNAL("");

    private final String hint;

    Kind(String hint) {
      this.hint = hint;
    }

    public String hint() {
      return hint;
    }
  }

  private final Kind kind;
  private final String hint;

  public StoreException(String message, Throwable cause) {
    this(Kind.INTERNAL, message, cause);
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, null);
  }

  /** {@code hint}: what to do, where the kind's own (worded for a SQLite file) does not fit. */
  public StoreException(Kind kind, String message, Throwable cause, String hint) {
    super(message, cause);
    this.kind = kind;
    this.hint = hint;
  }

  public Kind kind() {
    return kind;
  }

  /** What the user can do about it. */
  public String hint() {
    return hint != null ? hint : kind.hint();
  }
}
