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
        "the database file is damaged; check it with `runner db check` and restore it from a"
            + " backup"),
    READ_ONLY("the database or its folder is read-only; make it writable (`chmod u+w`, remount)"),
    NO_PERMISSION("this user may not open the database; check its owner and mode (`ls -l`)"),
    LOST(
        "the home has run before but its database is missing or empty; run `runner db check`"
            + " and restore the file from a backup"),
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

  public StoreException(String message, Throwable cause) {
    this(Kind.INTERNAL, message, cause);
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
