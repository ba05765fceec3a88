package dev.runner.engine;

import dev.runner.store.RunStatus;
import java.time.Instant;

/**
 * How one attempt ended, as recorded. {@code retryAt} is when the next attempt is due, or null when
 * this one was final.
 */
public record RunResult(
    long id,
    String task,
    RunStatus status,
    int attempt,
    double seconds,
    String error,
    Instant retryAt) {

  public boolean finalAttempt() {
    return retryAt == null;
  }
}
