package dev.runner.cli;

/**
 * The exit codes (docs/statuses-and-exit-codes.md, "Runner exit codes"); {@link RunnerCommand}'s
 * {@code exitCodeList} says them in --help.
 */
public final class ExitCode {
  public static final int OK = 0;
  public static final int TASK_FAILED = 1;
  public static final int USAGE = 2;
  public static final int BUSY = 3;
  public static final int INTERNAL = 4;

  /** The home's storage cannot be used: disk full, database locked, damaged, read-only, lost. */
  public static final int ENVIRONMENT = 5;

  private ExitCode() {}
}
