package dev.runner.engine;

import dev.runner.config.TaskDef;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Whether a {@code running} row still has a live owner (docs/locking-and-crashes.md, "Task locks
 * and liveness"): on this host, the owner holds the task's lock; a row of another host is alive
 * unless the store is shared and its owner has stopped beating (docs/hosts.md), which the sweep
 * finds out at the start of each pass. Used inside store transactions, whose work cannot throw
 * {@link IOException}.
 */
final class Liveness {

  private final Identity identity;
  private final TaskLocks locks;
  private volatile Set<Store.Owner> dead = Set.of();

  Liveness(Identity identity, TaskLocks locks) {
    this.identity = identity;
    this.locks = locks;
  }

  /** Whether the row is this host's, whose owner and process groups this process can see. */
  boolean local(RunRecord row) {
    return identity.host().equals(row.host());
  }

  /** The owners the shared database says stopped beating, as this pass's sweep found them. */
  void peers(Set<Store.Owner> dead) {
    this.dead = Set.copyOf(dead);
  }

  boolean ownerAlive(RunRecord row) {
    if (!local(row)) {
      return !dead.contains(Store.Owner.of(row));
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
