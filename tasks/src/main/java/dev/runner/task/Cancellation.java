package dev.runner.task;

/**
 * Raised by the engine when a run must stop (its timeout fired, or the runner is shutting down).
 * Tasks that wait on something long poll {@link #isCancelled()} or register a callback.
 */
public interface Cancellation {

  boolean isCancelled();

  /** Runs {@code action} once when cancellation happens, at once if it already has. */
  void onCancel(Runnable action);
}
