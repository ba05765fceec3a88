package dev.runner.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The run statuses (docs/statuses-and-exit-codes.md, "Run statuses"), stored in lower case. */
public enum RunStatus {
  RUNNING,
  SUCCESS,
  BUSINESS_FAILURE,
  TECHNICAL_FAILURE,
  TIMEOUT,
  SKIPPED,
  CRASHED,
  /**
   * Stopped by a person ({@code runner cancel}, the API): not a failure, so {@code --status failed}
   * leaves it out, it counts in neither successes nor failures, it is not retried and its
   * dependents do not start.
   */
  CANCELLED;

  /** What {@code history --status failed} matches: a cancel is a person's choice, not a failure. */
  public static final Set<RunStatus> FAILURES =
      EnumSet.of(BUSINESS_FAILURE, TECHNICAL_FAILURE, TIMEOUT, CRASHED);

  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFailure() {
    return FAILURES.contains(this);
  }

  public static RunStatus fromDb(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
