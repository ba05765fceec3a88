package dev.runner.engine;

import dev.runner.config.TaskDef;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The dependents an upstream's final outcome makes ready, claimed in the transaction that checks
 * them (docs/dependencies.md, "When a dependent starts"): {@code success} waits until every
 * upstream's latest outcome is a success that started after the dependent's last run; {@code
 * failure} answers an upstream's failure; {@code completion} waits until every upstream has
 * finished since then, either way. A ready dependent that cannot run (disabled, overlapping, runner
 * stopping) gets a {@code skipped} row saying why.
 */
final class DependentClaims {

  private final ClaimRows rows;
  private final Liveness liveness;

  DependentClaims(ClaimRows rows, Liveness liveness) {
    this.rows = rows;
    this.liveness = liveness;
  }

  List<Claim> claim(
      Store.Tx tx,
      Claim upstream,
      RunResult outcome,
      List<TaskDef> downstream,
      Instant now,
      boolean stopping) {
    List<Claim> claims = new ArrayList<>();
    for (TaskDef task : downstream) {
      boolean ready =
          switch (task.triggerOn()) {
            case FAILURE -> outcome.status().isFailure();
            case SUCCESS ->
                outcome.status() == RunStatus.SUCCESS
                    && upstreamsDone(tx, task, status -> status == RunStatus.SUCCESS);
            case COMPLETION -> upstreamsDone(tx, task, status -> true);
          };
      if (!ready) {
        continue;
      }
      String skip = null;
      if (stopping) {
        skip = "runner was shutting down";
      } else if (!task.enabled()) {
        skip = "the task is disabled";
      } else if (liveness.busy(tx, task)) {
        skip = "overlap: the previous run is still running";
      }
      Map<String, Object> notes = new LinkedHashMap<>();
      notes.put(
          "upstream",
          upstream.task().name() + " run " + outcome.id() + " " + outcome.status().dbName());
      if (skip != null) {
        notes.put("reason", skip);
      }
      ClaimRows.Fire fire =
          new ClaimRows.Fire(
              task, upstream.scheduledFor(), Trigger.DEPENDENCY, 1, null, notes, outcome.id());
      if (skip != null) {
        rows.skip(tx, fire, now);
      } else {
        Optional<Claim> claim = rows.claim(tx, fire, now);
        if (claim.isPresent()) {
          liveness.hold(task.name());
          claims.add(claim.get());
        }
      }
    }
    return claims;
  }

  /** Whether every upstream of {@code task} ended as {@code wanted} since the task last ran. */
  private static boolean upstreamsDone(Store.Tx tx, TaskDef task, Predicate<RunStatus> wanted) {
    long since = tx.lastRunId(task.name());
    for (String name : task.dependsOn()) {
      Optional<RunRecord> last = tx.lastOutcome(name);
      if (last.isEmpty() || last.get().id() <= since || !wanted.test(last.get().status())) {
        return false;
      }
    }
    return true;
  }
}
