package dev.runner.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A daemon's scheduling pass: what it found and decided, and its runs, under way in the daemon's
 * pool. {@code busy}: another process held the tick lock and this pass did nothing.
 */
public record Pass(
    boolean busy,
    List<String> crashed,
    List<Decision> decisions,
    List<CompletableFuture<List<RunResult>>> runs) {

  public Pass {
    crashed = List.copyOf(crashed);
    decisions = List.copyOf(decisions);
    runs = List.copyOf(runs);
  }

  static final Pass BUSY = new Pass(true, List.of(), List.of(), List.of());
}
