package dev.runner.engine;

import dev.runner.task.Cancellation;
import java.util.ArrayList;
import java.util.List;

/** The engine's side of a run's {@link Cancellation}: fired once, with a reason. */
final class CancelSignal implements Cancellation {

  enum Reason {
    TIMEOUT,
    SHUTDOWN,
    /** A person asked ({@code runner cancel}, the API): the run is recorded {@code cancelled}. */
    REQUEST
  }

  private final List<Runnable> actions = new ArrayList<>();
  private Reason reason;

  @Override
  public synchronized boolean isCancelled() {
    return reason != null;
  }

  synchronized Reason reason() {
    return reason;
  }

  @Override
  public void onCancel(Runnable action) {
    boolean now;
    synchronized (this) {
      now = reason != null;
      if (!now) {
        actions.add(action);
      }
    }
    if (now) {
      action.run();
    }
  }

  /** Fires the signal; false when it had fired already (for this reason or another). */
  boolean cancel(Reason why) {
    List<Runnable> toRun;
    synchronized (this) {
      if (reason != null) {
        return false;
      }
      reason = why;
      toRun = List.copyOf(actions);
      actions.clear();
    }
    toRun.forEach(Runnable::run);
    return true;
  }
}
