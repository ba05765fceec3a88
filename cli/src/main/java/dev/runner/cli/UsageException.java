package dev.runner.cli;

/** A mistake on the command line (exit 2), said in one line with a hint. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
