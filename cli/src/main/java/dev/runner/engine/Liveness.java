package dev.runner.engine;

import dev.runner.config.TaskDef;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Whether a {@code running} row still has a live owner (docs/locking-and-crashes.md, "Task locks
 * and liveness"): rows of another host are taken as alive; on this host, the owner holds the task's
 * lock. Used inside store transactions, whose work cannot throw {@link IOException}.
 */
final class Liveness {

  private final Identity identity;
  private final TaskLocks locks;

  Liveness(Identity identity, TaskLocks locks) {
    this.identity = identity;
    this.locks = locks;
  }

  boolean ownerAlive(RunRecord row) {
    if (!identity.host().equals(row.host())) {
      return true;
    }
    try {
      return locks.ownerAlive(row.taskName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the task's overlap is skip and a run of it is in progress with a live owner. */
  boolean busy(Store.Tx tx, TaskDef task) {
    return task.overlap() == TaskDef.Overlap.SKIP
        && tx.running().stream().anyMatch(r -> r.taskName().equals(task.name()) && ownerAlive(r));
  }

  /** Holds the task's lock for a run being claimed. */
  void hold(String task) {
    try {
      locks.hold(task);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
