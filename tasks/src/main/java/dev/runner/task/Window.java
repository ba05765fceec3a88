package dev.runner.task;

import java.time.Instant;

/** The half-open time range {@code [start, end)} a window task's run covers. */
public record Window(Instant start, Instant end) {
  public Window {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window start " + start + " is not before its end " + end);
    }
  }
}
