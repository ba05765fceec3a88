package dev.runner.engine;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.schedule.Durations;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunEnd;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start of every pass: {@code running} rows whose owner is gone become {@code crashed}, their
 * orphaned process groups are stopped, and a retry is queued when the task has them. A row whose
 * run never started (no journal file, no child) is not a crash: it is queued again. A row someone
 * asked to cancel becomes {@code cancelled} instead, either way, and is not tried again.
 */
final class CrashSweep {

  private final Liveness liveness;
  private final OutcomeJournal journal;
  private final TaskLog taskLog;

  CrashSweep(Liveness liveness, OutcomeJournal journal, TaskLog taskLog) {
    this.liveness = liveness;
    this.journal = journal;
    this.taskLog = taskLog;
  }

  /**
   * What a sweep found: the tasks still running, those found crashed, and every row it ended (whose
   * journal files go once the sweep is committed).
   */
  record Swept(Set<String> live, List<String> crashed, List<Long> ended) {}

  /** Sweeps inside {@code tx}. */
  Swept sweep(Store.Tx tx, RunnerConfig config, Instant now) {
    Set<String> live = new HashSet<>();
    List<String> crashed = new ArrayList<>();
    List<Long> ended = new ArrayList<>();
    Set<Long> cancelAsked = tx.cancelRequested();
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
      if (cancelAsked.contains(row.id())) {
        cancelDead(tx, row, now);
        ended.add(row.id());
        continue;
      }
      Optional<TaskDef> task = config.task(row.taskName());
      boolean local = liveness.local(row);
      // another host's journal is out of sight: its run may have begun, so it counts as a crash
      if (local && !journal.started(row.id()) && row.childPid() == null) {
        notStarted(tx, row, task, now);
        ended.add(row.id());
        continue;
      }
      RunMessage message =
          RunMessage.parse(row.message())
              .withError(
                  local
                      ? "the runner process (pid "
                          + row.pid()
                          + ") ended while the run was in"
                          + " progress"
                      : "host "
                          + row.host()
                          + " (runner pid "
                          + row.pid()
                          + ") stopped beating while the run was in progress: no sign of life"
                          + " for RUNNER_DEAD_AFTER ("
                          + Durations.format(config.settings().deadAfter())
                          + ") by the database's clock");
      // a process group on another host is not this host's to stop
      if (local
          && row.childPid() != null
          && row.childStarted() != null
          && ProcessGroups.stopLeftovers(row.childPid(), row.childStarted())) {
        // Left running, the orphan would overlap the task's next run.
        message = message.withLeftovers("stopped process group " + row.childPid());
      }
      if (task.isPresent()) {
        Claim claim =
            new Claim(
                row.id(), task.get(), row.scheduledFor(), row.trigger(), row.attempt(), Map.of());
        Instant retryAt = RunExecutor.retryAt(claim, RunStatus.CRASHED, now);
        if (retryAt != null) {
          message = message.withRetry(RunExecutor.retryNote(row.attempt() + 1, retryAt, config));
          tx.enqueueRetry(
              new PendingRetry(row.taskName(), row.scheduledFor(), row.attempt() + 1, retryAt));
        }
      }
      double seconds = Math.max(0, Duration.between(row.runTime(), now).toMillis() / 1000.0);
      tx.finish(
          row.id(),
          new RunEnd(
              RunStatus.CRASHED, null, now, seconds, message.json(), message.retry().isEmpty()));
      crashed.add(row.taskName());
      ended.add(row.id());
      taskLog.ended(row.taskName(), row.id(), "crashed", seconds, message.error().orElse(null));
    }
    return new Swept(live, crashed, ended);
  }

  /**
   * A run someone asked to cancel whose owner is gone (dead, or never began it): what it left
   * running is stopped and it is recorded {@code cancelled}, with no retry; the caller removes its
   * journal file once committed.
   */
  void cancelDead(Store.Tx tx, RunRecord row, Instant now) {
    RunMessage message =
        RunMessage.parse(row.message())
            .withError(
                "cancelled by request; the runner process (pid "
                    + row.pid()
                    + ") that owned it had ended");
    if (liveness.local(row)
        && row.childPid() != null
        && row.childStarted() != null
        && ProcessGroups.stopLeftovers(row.childPid(), row.childStarted())) {
      message = message.withLeftovers("stopped process group " + row.childPid());
    }
    double seconds = Math.max(0, Duration.between(row.runTime(), now).toMillis() / 1000.0);
    tx.finish(row.id(), new RunEnd(RunStatus.CANCELLED, null, now, seconds, message.json(), true));
    taskLog.ended(row.taskName(), row.id(), "cancelled", seconds, message.error().orElse(null));
  }

  /**
   * A claimed run that never began (its runner died with it still queued for a worker): recorded as
   * skipped with that reason, and claimed again for the same fire as the next attempt, unless the
   * fire is too old for a task whose catch-up is none, or the run was a manual one, whose person
   * has seen the command fail.
   */
  private void notStarted(Store.Tx tx, RunRecord row, Optional<TaskDef> task, Instant now) {
    RunMessage message = RunMessage.parse(row.message());
    String reason =
        "not started: the runner process (pid " + row.pid() + ") ended before the run began";
    boolean again = false;
    if (task.isEmpty() || !task.get().enabled()) {
      reason += "; not queued again: the task is no longer enabled";
    } else if (row.trigger().byHand()) {
      reason += "; not queued again: it was started by hand";
    } else if (task.get().catchup() == TaskDef.Catchup.NONE
        && Duration.between(row.scheduledFor(), now).compareTo(Planner.NONE_GRACE) > 0) {
      reason +=
          "; not queued again: the fire is "
              + Duration.between(row.scheduledFor(), now).toSeconds()
              + "s old and catchup is none";
    } else {
      again = true;
      message = message.withQueuedAgain(row.attempt() + 1);
      tx.enqueueRetry(new PendingRetry(row.taskName(), row.scheduledFor(), row.attempt() + 1, now));
    }
    message = message.withReason(reason);
    tx.finish(row.id(), new RunEnd(RunStatus.SKIPPED, null, now, 0, message.json(), !again));
    taskLog.note("run " + row.id() + " of " + row.taskName() + ": " + reason);
  }
}
