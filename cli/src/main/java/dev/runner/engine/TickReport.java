package dev.runner.engine;

import java.util.List;

/**
 * What a tick did. {@code busy}: another tick held the lock and this one did nothing. {@code
 * crashed}: task names of runs found with a dead owner.
 */
public record TickReport(
    boolean busy, List<String> crashed, List<Decision> decisions, List<RunResult> results) {
  public TickReport {
    crashed = List.copyOf(crashed);
    decisions = List.copyOf(decisions);
    results = List.copyOf(results);
  }

  static TickReport wasBusy() {
    return new TickReport(true, List.of(), List.of(), List.of());
  }

  public boolean anyFailed() {
    return results.stream().anyMatch(r -> r.finalAttempt() && r.status().isFailure());
  }
}
