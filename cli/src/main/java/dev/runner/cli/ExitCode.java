package dev.runner.cli;

/**
 * The exit codes (docs/statuses-and-exit-codes.md, "Runner exit codes"); {@link RunnerCommand}'s
 * {@code exitCodeList} says them in --help.
 */
final class ExitCode {
  static final int OK = 0;
  static final int TASK_FAILED = 1;
  static final int USAGE = 2;
  static final int BUSY = 3;
  static final int INTERNAL = 4;

  /** The home's storage cannot be used: disk full, database locked, damaged, read-only, lost. */
  static final int ENVIRONMENT = 5;

  private ExitCode() {}
}
