package dev.runner.engine;

import dev.runner.task.Cancellation;
import java.util.ArrayList;
import java.util.List;

/** The engine's side of a run's {@link Cancellation}: fired once, with a reason. */
final class CancelSignal implements Cancellation {

  enum Reason {
    TIMEOUT,
    SHUTDOWN
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

  void cancel(Reason why) {
    List<Runnable> toRun;
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
      toRun = List.copyOf(actions);
      actions.clear();
    }
    toRun.forEach(Runnable::run);
  }
}
