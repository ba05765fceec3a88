package dev.runner.cli;

/** A mistake on the command line (exit 2), said in one line with a hint. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
