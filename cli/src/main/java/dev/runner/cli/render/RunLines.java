package dev.runner.cli.render;

import dev.runner.engine.RunResult;
import java.time.ZoneId;

/** What {@code runner run} says of each attempt, on stderr beside the run's own output. */
public final class RunLines {

  private RunLines() {}

  /** {@code hello: success in 0.1s (run 7)}, with the attempt, error and retry when there are. */
  public static String attempt(RunResult result, ZoneId zone) {
    return result.task()
        + ": "
        + result.status().dbName()
        + " in "
        + Times.seconds(result.seconds())
        + " (run "
        + result.id()
        + (result.attempt() > 1 ? ", attempt " + result.attempt() : "")
        + ")"
        + (result.error() == null ? "" : ": " + result.error())
        + (result.retryAt() == null ? "" : "; retry at " + Times.iso(result.retryAt(), zone));
  }
}
