package dev.runner.engine;

/** What a command needs is held by another process and it cannot wait (exit code 3). */
public final class BusyException extends Exception {
  public BusyException(String message) {
    super(message);
  }
}
