package dev.runner.engine;

import dev.runner.engine.OutcomeJournal.Entry;
import dev.runner.engine.OutcomeJournal.Outcome;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start of every claim: outcomes the journal holds for runs whose runner could not record them
 * are recorded as they were (with the retry they asked for), before the crash sweep could take
 * those runs for crashes. Journal files of runs the database has ended are dropped.
 */
final class JournalReplay {

  private final OutcomeJournal journal;
  private final Liveness liveness;
  private final TaskLog taskLog;

  JournalReplay(OutcomeJournal journal, Liveness liveness, TaskLog taskLog) {
    this.journal = journal;
    this.liveness = liveness;
    this.taskLog = taskLog;
  }

  /** What one replay did, to be settled once its transaction is committed. */
  record Replayed(List<Entry> recorded, List<Long> done) {
    static final Replayed NOTHING = new Replayed(List.of(), List.of());
  }

  /** Inside a transaction before (or at the start of) a claim. */
  Replayed replay(Store.Tx tx) {
    List<Entry> entries = journal.entries();
    if (entries.isEmpty()) {
      return Replayed.NOTHING;
    }
    List<Entry> recorded = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    for (Entry entry : entries) {
      Optional<RunRecord> found = tx.find(entry.run());
      if (found.isEmpty() || !sameRun(found.get(), entry)) {
        continue; // a run of another database (RUNNER_DB changed): kept, not applied here
      }
      RunRecord row = found.get();
      if (row.status() != RunStatus.RUNNING) {
        done.add(entry.run());
        continue;
      }
      if (entry.outcome().isEmpty() || alive(row)) {
        continue; // under way, or started and never ended: the crash sweep's to judge
      }
      Outcome outcome = entry.outcome().get();
      tx.finish(entry.run(), outcome.end());
      if (outcome.retryAt() != null) {
        tx.enqueueRetry(
            new PendingRetry(
                row.taskName(), row.scheduledFor(), row.attempt() + 1, outcome.retryAt()));
      }
      recorded.add(entry);
      done.add(entry.run());
    }
    return new Replayed(recorded, done);
  }

  /** After the commit: the files go, and task.log tells what was recorded late. */
  void settle(Replayed replayed) {
    for (Entry entry : replayed.recorded()) {
      taskLog.note(
          "run "
              + entry.run()
              + " of "
              + entry.task()
              + ": its outcome ("
              + entry.outcome().orElseThrow().end().status().dbName()
              + ") recorded late from journal/"
              + journal.file(entry.run()).getFileName()
              + "; its runner could not record it");
    }
    for (long run : replayed.done()) {
      journal.remove(run);
    }
  }

  private boolean alive(RunRecord row) {
    try {
      return liveness.ownerAlive(row);
    } catch (UncheckedIOException e) {
      return true; // cannot tell: left for a later pass, never recorded twice
    }
  }

  /** A file with no readable header is only a start, which the row's own id vouches for. */
  private static boolean sameRun(RunRecord row, Entry entry) {
    return entry.task() == null
        || (entry.task().equals(row.taskName())
            && entry.scheduledFor().equals(row.scheduledFor())
            && entry.attempt() == row.attempt());
  }
}
