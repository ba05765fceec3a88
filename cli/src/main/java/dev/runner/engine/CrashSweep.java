package dev.runner.engine;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunEnd;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start of every pass: {@code running} rows whose owner is gone become {@code crashed}, their
 * orphaned process groups are stopped, and a retry is queued when the task has them.
 */
final class CrashSweep {

  private final Liveness liveness;
  private final TaskLog taskLog;

  CrashSweep(Liveness liveness, TaskLog taskLog) {
    this.liveness = liveness;
    this.taskLog = taskLog;
  }

  /** Sweeps inside {@code tx}; adds crashed tasks to {@code crashed}; the tasks still running. */
  Set<String> sweep(Store.Tx tx, RunnerConfig config, Instant now, List<String> crashed)
      throws SQLException {
    Set<String> live = new HashSet<>();
    for (RunRecord row : tx.running()) {
      boolean alive;
      try {
        alive = liveness.ownerAlive(row);
      } catch (UncheckedIOException e) {
        // One row whose lock cannot be read must not stop every task of the home. Taken as
        // alive, it can never be run twice; the log says why it stays running.
        taskLog.note(
            "cannot tell whether run " + row.id() + " of " + row.taskName() + " is alive: " + e);
        live.add(row.taskName());
        continue;
      }
      if (alive) {
        live.add(row.taskName());
        continue;
      }
      Map<String, Object> message = new LinkedHashMap<>(Json.readObject(row.message()));
      message.put(
          "error",
          "the runner process (pid " + row.pid() + ") ended while the run was in progress");
      if (row.childPid() != null
          && row.childStarted() != null
          && ProcessGroups.stopLeftovers(row.childPid(), row.childStarted())) {
        // Left running, the orphan would overlap the task's next run.
        message.put("leftovers", "stopped process group " + row.childPid());
      }
      Optional<TaskDef> task = config.task(row.taskName());
      if (task.isPresent()) {
        Claim claim =
            new Claim(
                row.id(), task.get(), row.scheduledFor(), row.trigger(), row.attempt(), Map.of());
        Instant retryAt = RunExecutor.retryAt(claim, RunStatus.CRASHED, now);
        if (retryAt != null) {
          message.put("retry", Map.of("attempt", row.attempt() + 1, "at", retryAt.toString()));
          tx.enqueueRetry(
              new PendingRetry(row.taskName(), row.scheduledFor(), row.attempt() + 1, retryAt));
        }
      }
      double seconds = Math.max(0, Duration.between(row.runTime(), now).toMillis() / 1000.0);
      tx.finish(
          row.id(),
          new RunEnd(
              RunStatus.CRASHED,
              null,
              now,
              seconds,
              Json.write(message),
              !message.containsKey("retry")));
      crashed.add(row.taskName());
      taskLog.ended(row.taskName(), row.id(), "crashed", seconds, (String) message.get("error"));
    }
    return live;
  }
}
