package dev.runner.engine;

import dev.runner.config.TaskDef;
import dev.runner.store.NewRun;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.task.Window;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a fire's row is written, by a tick's plan, a retry, a dependent, a window, a manual
 * run or a backfill: as running, which claims it for this process, or as skipped with its reason.
 * The store's unique fire index makes either happen once, whoever comes first.
 */
final class ClaimRows {

  private final Identity identity;

  ClaimRows(Identity identity) {
    this.identity = identity;
  }

  /** A fire and what its row says until the run ends. */
  record Fire(
      TaskDef task,
      Instant scheduledFor,
      Trigger trigger,
      int attempt,
      Window window,
      Map<String, Object> notes,
      Long upstreamRunId) {

    Fire(TaskDef task, Instant scheduledFor, Trigger trigger, int attempt, Window window) {
      this(task, scheduledFor, trigger, attempt, window, Map.of(), null);
    }
  }

  /** The claim, or empty when another process (or an earlier pass) has the fire. */
  Optional<Claim> claim(Store.Tx tx, Fire fire, Instant now) {
    return insert(tx, fire, RunStatus.RUNNING, now)
        .map(
            id ->
                new Claim(
                    id,
                    fire.task(),
                    fire.scheduledFor(),
                    fire.trigger(),
                    fire.attempt(),
                    fire.window(),
                    fire.notes()));
  }

  /** A fire decided against, its reason in the notes; once, like a claim. */
  void skip(Store.Tx tx, Fire fire, Instant now) {
    insert(tx, fire, RunStatus.SKIPPED, now);
  }

  private Optional<Long> insert(Store.Tx tx, Fire fire, RunStatus status, Instant now) {
    Window window = fire.window();
    return tx.insert(
        new NewRun(
            fire.task().name(),
            status,
            now,
            fire.scheduledFor(),
            fire.trigger(),
            fire.attempt(),
            Json.write(fire.notes()),
            fire.upstreamRunId(),
            window == null ? null : window.start(),
            window == null ? null : window.end()),
        identity.host(),
        identity.pid());
  }
}
