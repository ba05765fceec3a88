package dev.runner.schedule;

/** A schedule text that cannot be read; the message names the part at fault. */
public final class ScheduleException extends Exception {
  private final String hint;

  public ScheduleException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /** A suggestion for the user, or null. */
  public String hint() {
    return hint;
  }
}
