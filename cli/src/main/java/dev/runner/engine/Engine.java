package dev.runner.engine;

import dev.runner.config.Redactor;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.notify.Notifier;
import dev.runner.store.HistoryQuery;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunEnd;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import dev.runner.store.TaskState;
import dev.runner.store.Trigger;
import dev.runner.store.factory.StoreFactory;
import dev.runner.task.Window;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One invocation's engine: the loaded config, the store, the clock and the process identity. A tick
 * is sweep, plan and claim under the tick lock (one transaction), then dispatch without it.
 */
public final class Engine implements AutoCloseable {

  /**
   * SIGKILL follows SIGTERM this long after a timeout (docs/locking-and-crashes.md, "Timeouts and
   * process groups").
   */
  public static final Duration KILL_GRACE = Duration.ofSeconds(10);

  /**
   * How the process around the engine lives. A tick waits for a retry due within {@code
   * waitForRetry} itself; a daemon stores every retry and claims it in the pass at its instant, and
   * echoes its log lines to its stdout.
   */
  public record Mode(Duration waitForRetry, Consumer<String> logEcho) {
    public static final Mode TICK = new Mode(Duration.ofMinutes(1), null);

    public static Mode daemon(Consumer<String> logEcho) {
      return new Mode(Duration.ZERO, logEcho);
    }
  }

  private volatile RunnerConfig config;
  private final Clock clock;
  private final Identity identity;
  private final ClaimRows rows;
  private final Mode mode;
  private volatile Redactor redactor;
  private final ActiveRuns active = new ActiveRuns(this::watchCancels);
  private final TaskLocks locks;
  private final Liveness liveness;
  private final CrashSweep sweep;
  private final OutcomeJournal journal;
  private final JournalReplay replay;
  private final DependentClaims dependentClaims;
  private final TaskLog taskLog;
  private final ScheduledExecutorService timers;
  private final ProcessGroups processes;
  private final Heartbeat heartbeat;
  private Store store;

  public Engine(RunnerConfig config, Clock clock, Identity identity) {
    this(config, clock, identity, Mode.TICK);
  }

  public Engine(RunnerConfig config, Clock clock, Identity identity, Mode mode) {
    this.config = config;
    this.clock = clock;
    this.identity = identity;
    this.mode = mode;
    this.redactor = new Redactor(config.environment().secretValues());
    this.locks = new TaskLocks(config.home().dir().resolve("locks"));
    this.liveness = new Liveness(identity, locks);
    this.taskLog =
        new TaskLog(
            config.settings().logDir(),
            config.settings().logDays(),
            text -> redactor.redact(text),
            mode.logEcho());
    this.journal = new OutcomeJournal(config.home().dir().resolve("journal"));
    this.replay = new JournalReplay(journal, liveness, taskLog);
    this.sweep = new CrashSweep(liveness, journal, taskLog);
    this.rows = new ClaimRows(identity);
    this.dependentClaims = new DependentClaims(rows, liveness);
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "runner-timers");
              thread.setDaemon(true);
              return thread;
            });
    this.processes = new ProcessGroups(timers, KILL_GRACE);
    this.heartbeat = new Heartbeat(this::store, identity, taskLog, config.settings().deadAfter());
  }

  /** Started with the first run: see {@link CancelWatch}. */
  private void watchCancels() {
    new CancelWatch(active, this::store, taskLog).start(timers);
  }

  /** What {@link #cancel} found. */
  public enum CancelResult {
    /** The run's owner has been asked; it stops the run within a second or so. */
    REQUESTED,
    /** Its owner was gone: the run was recorded {@code cancelled} at once. */
    RECORDED,
    /** The run had ended already (or never ran): nothing to stop. */
    NOT_RUNNING,
    UNKNOWN
  }

  /** A cancel's result, with the row as it was found (null when unknown). */
  public record Cancel(CancelResult result, RunRecord run) {}

  /**
   * Stops a run, whichever process owns it: its row is marked (which the owner's {@link
   * CancelWatch} reads), a run of this engine's is stopped at once, and one whose owner is gone is
   * recorded {@code cancelled} here. The one cancel path of {@code runner cancel} and the API.
   */
  public Cancel cancel(long runId) {
    Instant now = clock.instant();
    Cancel found =
        store()
            .inTransaction(
                tx -> {
                  Optional<RunRecord> row = tx.find(runId);
                  if (row.isEmpty()) {
                    return new Cancel(CancelResult.UNKNOWN, null);
                  }
                  if (row.get().status() != RunStatus.RUNNING || !tx.requestCancel(runId)) {
                    return new Cancel(CancelResult.NOT_RUNNING, row.get());
                  }
                  if (!active.ids().contains(runId) && !ownerAlive(row.get())) {
                    sweep.cancelDead(tx, row.get(), now);
                    return new Cancel(CancelResult.RECORDED, row.get());
                  }
                  return new Cancel(CancelResult.REQUESTED, row.get());
                });
    if (found.result() == CancelResult.REQUESTED) {
      active.cancel(runId);
    } else if (found.result() == CancelResult.RECORDED) {
      journal.remove(runId);
    }
    return found;
  }

  /** A lock that cannot be read is taken as a live owner, as the sweep takes it. */
  private boolean ownerAlive(RunRecord row) {
    try {
      return liveness.ownerAlive(row);
    } catch (UncheckedIOException e) {
      return true;
    }
  }

  public synchronized Store store() {
    if (store == null) {
      StoreFactory stores = StoreFactory.of(config);
      store = stores.open();
      if (stores.shared()) {
        heartbeat.start();
      }
    }
    return store;
  }

  /**
   * What follows a pass that was not busy, the same for a tick and the daemon: the daily prune of
   * history and run logs past the retention.
   */
  public void afterPass(Instant now) {
    Pruner.daily(
        store(),
        config.settings().logDir(),
        config.home().dir().resolve("locks").resolve("pruned"),
        now,
        config.settings().historyDays(),
        config.settings().auditDays());
  }

  private Notifications notifications;

  /** The notification side, made on first need: mail and HTTP stay unloaded without rules. */
  synchronized Notifications notifications() {
    if (notifications == null) {
      notifications =
          new Notifications(
              store(), new Notifier(config.environment(), redactor::redact), identity.host());
    }
    return notifications;
  }

  public TaskLog taskLog() {
    return taskLog;
  }

  public RunnerConfig config() {
    return config;
  }

  /**
   * The daemon's reload: later passes use the new tasks and environment; runs under way keep their
   * task as it was. The database and log folder stay those of the start.
   */
  public synchronized void reconfigure(RunnerConfig next) {
    config = next;
    redactor = new Redactor(next.environment().secretValues());
    notifications = null;
  }

  /** One scheduling pass at the clock's now, run to its end; a dry run changes nothing. */
  public TickReport tick(boolean dryRun) throws IOException {
    Optional<Claimed> claimed = claimPass(dryRun);
    if (claimed.isEmpty()) {
      return TickReport.wasBusy();
    }
    Claimed pass = claimed.get();
    if (dryRun) {
      return new TickReport(false, pass.crashed(), pass.decisions(), List.of());
    }
    notifyCrashes(pass.crashed());
    List<RunResult> results = List.of();
    if (!pass.claims().isEmpty()) {
      long tasks = pass.claims().stream().map(c -> c.task().name()).distinct().count();
      ExecutorService pool =
          Executors.newFixedThreadPool((int) Math.min(config.settings().maxWorkers(), tasks));
      try {
        results = collect(dispatch(pass.claims(), pool));
      } finally {
        pool.shutdown();
      }
    }
    return new TickReport(false, pass.crashed(), pass.decisions(), results);
  }

  /**
   * The daemon's pass: the tick's sweep, plan and claim, with the runs started in {@code pool} and
   * left under way.
   */
  public Pass pass(Executor pool) throws IOException {
    Optional<Claimed> claimed = claimPass(false);
    if (claimed.isEmpty()) {
      return Pass.BUSY;
    }
    Claimed pass = claimed.get();
    notifyCrashes(pass.crashed());
    return new Pass(false, pass.crashed(), pass.decisions(), dispatch(pass.claims(), pool));
  }

  /**
   * From now on start nothing new: a retry is stored for a later process, a dependent recorded as
   * skipped, a window's successor left to the next pass. Runs under way go on.
   */
  public void stopTakingWork() {
    active.stopTaking();
  }

  /**
   * What SIGTERM or SIGINT to {@code tick} or {@code run} does: the runs under way are stopped
   * (their process groups get SIGTERM, then SIGKILL) and recorded as stopped before the process
   * ends; runs not yet begun are left for the next runner to queue again. Waits for the records, at
   * most the kill grace and a little more.
   */
  public void stopOnSignal() {
    active.cancelAll();
    try {
      if (!active.awaitNone(KILL_GRACE.plusSeconds(5))) {
        taskLog.note("stopping: runs did not end in time; the next runner marks them crashed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the runs under way (their process groups get SIGTERM, then SIGKILL); how many. */
  public int stopRuns() {
    return active.cancelAll();
  }

  /** Sweep, plan and claim under the tick lock; empty if another process holds the lock. */
  private Optional<Claimed> claimPass(boolean dryRun) throws IOException {
    Instant now = clock.instant();
    Optional<ExclusiveLock> lock =
        ExclusiveLock.tryAcquire(config.home().dir().resolve("runner.lock"));
    if (lock.isEmpty()) {
      return Optional.empty();
    }
    try (ExclusiveLock held = lock.get()) {
      Store.Work<Claimed> work = tx -> claim(tx, now);
      Claimed claimed = dryRun ? store().rehearse(work) : store().inTransaction(work);
      if (!dryRun) {
        replay.settle(claimed.replayed());
        claimed.ended().forEach(journal::remove);
      }
      // Hold each task's lock before letting the next tick in, so its sweep sees these alive.
      if (!dryRun) {
        for (Claim claim : claimed.claims()) {
          locks.hold(claim.task().name());
        }
      }
      return Optional.of(claimed);
    }
  }

  private record Claimed(
      List<Claim> claims,
      List<Decision> decisions,
      List<String> crashed,
      JournalReplay.Replayed replayed,
      List<Long> ended) {}

  /** A crash is an outcome too: its rules are asked once the sweep is committed. */
  private void notifyCrashes(List<String> crashed) {
    for (String name : crashed) {
      config
          .task(name)
          .filter(task -> !task.notifyRules().isEmpty())
          .ifPresent(
              task ->
                  store()
                      .history(new HistoryQuery(name, Set.of(RunStatus.CRASHED), null, 1, 0))
                      .stream()
                      .filter(RunRecord::finalAttempt)
                      .findFirst()
                      .ifPresent(row -> notifications().afterOutcome(task, row.id())));
    }
  }

  /** Sweep, plan and claim: the body of the tick's one transaction. */
  private Claimed claim(Store.Tx tx, Instant now) {
    JournalReplay.Replayed replayed = replay.replay(tx);
    if (config.settings().shared()) {
      liveness.peers(tx.deadOwners(config.settings().deadAfter()));
    }
    CrashSweep.Swept swept = sweep.sweep(tx, config, now);
    // a task another host runs is not this one's to plan: its watermark moves where it runs
    List<TaskDef> here = config.tasks().stream().filter(t -> t.runsOn(identity.host())).toList();
    List<PendingRetry> retries =
        tx.dueRetries(now).stream()
            .filter(r -> config.task(r.taskName()).map(t -> t.runsOn(identity.host())).orElse(true))
            .toList();
    Plan plan = new Planner().plan(here, tx.states(), swept.live(), retries, now);
    List<Claim> claims = new ArrayList<>();
    for (Decision decision : plan.decisions()) {
      Window window = decision.window();
      int attempt =
          window == null
              ? decision.attempt()
              : tx.attempts(decision.task(), decision.scheduledFor()) + 1;
      ClaimRows.Fire fire =
          new ClaimRows.Fire(
              config.task(decision.task()).orElseThrow(),
              decision.scheduledFor(),
              decision.trigger(),
              attempt,
              window,
              decision.notes(),
              null);
      if (decision.run()) {
        rows.claim(tx, fire, now).ifPresent(claims::add);
      } else {
        rows.skip(tx, fire, now);
      }
    }
    for (TaskState state : plan.states()) {
      tx.putState(state);
    }
    for (PendingRetry retry : plan.takenRetries()) {
      tx.removeRetry(retry);
    }
    return new Claimed(claims, plan.decisions(), swept.crashed(), replayed, swept.ended());
  }

  /**
   * Starts the claims in {@code pool} (of {@code RUNNER_MAX_WORKERS}): a task's own runs in order,
   * each followed by its retries. A retry due within the mode's {@code waitForRetry} is waited for
   * here, on a timer, so no worker is held while it waits; a later one is stored for a later pass.
   */
  private List<CompletableFuture<List<RunResult>>> dispatch(List<Claim> claims, Executor pool) {
    Map<String, List<Claim>> byTask = new LinkedHashMap<>();
    for (Claim claim : claims) {
      byTask.computeIfAbsent(claim.task().name(), k -> new ArrayList<>()).add(claim);
    }
    List<CompletableFuture<List<RunResult>>> chains = new ArrayList<>();
    for (List<Claim> chain : byTask.values()) {
      CompletableFuture<List<RunResult>> results = CompletableFuture.completedFuture(List.of());
      for (Claim claim : chain) {
        results =
            results.thenCompose(
                done -> withRetries(claim, pool, null, true).thenApply(more -> concat(done, more)));
      }
      chains.add(
          results.whenComplete((r, e) -> chain.forEach(c -> locks.release(c.task().name()))));
    }
    return chains;
  }

  /**
   * Every chain's results, waited for to the end even when one fails: a failure of one run (its
   * record refused by a full disk) must not end the process under the others. The first failure is
   * then thrown; a store failure as it is, the environment told as it is.
   */
  private List<RunResult> collect(List<CompletableFuture<List<RunResult>>> chains) {
    List<RunResult> results = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<List<RunResult>> chain : chains) {
      try {
        results.addAll(chain.get());
      } catch (ExecutionException e) {
        Throwable cause =
            e.getCause() instanceof CompletionException c && c.getCause() != null
                ? c.getCause()
                : e.getCause();
        RuntimeException thrown;
        if (cause instanceof StoreException store) {
          thrown = store;
        } else {
          taskLog.error("a run failed inside runner", cause);
          thrown = new IllegalStateException("a run failed inside runner", cause);
        }
        if (failure == null) {
          failure = thrown;
        } else {
          failure.addSuppressed(thrown);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  /**
   * Runs {@code claim}, then its retries while they are due soon, then (when {@code followDeps})
   * the dependents its final outcome starts; every result.
   */
  private CompletableFuture<List<RunResult>> withRetries(
      Claim claim, Executor pool, PrintWriter echo, boolean followDeps) {
    RunExecutor executor = executor();
    return CompletableFuture.supplyAsync(() -> executor.execute(claim, echo), pool)
        .thenCompose(
            result -> {
              if (result.finalAttempt()) {
                // a person who cancels a run stops what would follow it too
                CompletableFuture<List<RunResult>> after =
                    followDeps && result.status() != RunStatus.CANCELLED
                        ? dependents(claim, result, pool, echo)
                        : CompletableFuture.completedFuture(List.of());
                if (claim.window() != null
                    && result.status() == RunStatus.SUCCESS
                    && claim.trigger() != Trigger.BACKFILL) {
                  after =
                      after.thenCompose(
                          deps ->
                              nextWindow(claim, pool, echo, followDeps)
                                  .thenApply(more -> concat(deps, more)));
                }
                return after.thenApply(more -> concat(List.of(result), more));
              }
              PendingRetry retry =
                  new PendingRetry(
                      claim.task().name(),
                      claim.scheduledFor(),
                      claim.attempt() + 1,
                      result.retryAt());
              Duration wait = Duration.between(clock.instant(), result.retryAt());
              if (wait.compareTo(mode.waitForRetry()) >= 0 || active.stopping()) {
                store().enqueueRetry(retry);
                return CompletableFuture.completedFuture(List.of(result));
              }
              announceRetry(echo, claim, result, wait);
              Executor later =
                  CompletableFuture.delayedExecutor(
                      Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS, pool);
              return CompletableFuture.supplyAsync(() -> claimRetry(claim), later)
                  .thenCompose(
                      next ->
                          next.isEmpty()
                              ? CompletableFuture.completedFuture(List.of(result))
                              : withRetries(next.get(), pool, echo, followDeps)
                                  .thenApply(more -> concat(List.of(result), more)));
            });
  }

  /**
   * A run in the foreground says so before it waits for its next attempt: without it, the terminal
   * would sit silent for the backoff as if runner had hung.
   */
  private static void announceRetry(
      PrintWriter echo, Claim claim, RunResult result, Duration wait) {
    if (echo == null) {
      return;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    echo.println(
        claim.task().name()
            + ": "
            + result.status().dbName()
            + "; attempt "
            + (claim.attempt() + 1)
            + " of "
            + (claim.task().retries().max() + 1)
            + " in "
            + seconds
            + " s");
    echo.flush();
  }

  /** Starts the dependents that {@code upstream}'s final outcome makes ready; their results. */
  private CompletableFuture<List<RunResult>> dependents(
      Claim upstream, RunResult outcome, Executor pool, PrintWriter echo) {
    List<TaskDef> downstream =
        config.tasks().stream()
            .filter(t -> t.dependsOn().contains(upstream.task().name()))
            .toList();
    if (downstream.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<Claim> claims =
        store()
            .inTransaction(
                tx ->
                    dependentClaims.claim(
                        tx, upstream, outcome, downstream, clock.instant(), active.stopping()));
    List<CompletableFuture<List<RunResult>>> runs = new ArrayList<>();
    for (Claim claim : claims) {
      runs.add(
          withRetries(claim, pool, echo, true)
              .whenComplete((r, e) -> locks.release(claim.task().name())));
    }
    return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
        .thenApply(v -> runs.stream().flatMap(f -> f.join().stream()).toList());
  }

  /**
   * After a window succeeded: move the task past it and, while the next window is already over, run
   * that one too, in order.
   */
  private CompletableFuture<List<RunResult>> nextWindow(
      Claim done, Executor pool, PrintWriter echo, boolean followDeps) {
    Window finished = done.window();
    Window next = new Window(finished.end(), finished.end().plus(done.task().windowSize()));
    Instant now = clock.instant();
    Optional<Claim> claim =
        store()
            .inTransaction(
                tx -> {
                  if (!tx.advanceWindow(done.task().name(), finished.start(), finished.end())
                      || next.end().isAfter(now)
                      || active.stopping()
                      || !done.task().enabled()) {
                    return Optional.<Claim>empty();
                  }
                  int attempt = tx.attempts(done.task().name(), next.end()) + 1;
                  return rows.claim(
                      tx,
                      new ClaimRows.Fire(done.task(), next.end(), done.trigger(), attempt, next),
                      now);
                });
    return claim.isEmpty()
        ? CompletableFuture.completedFuture(List.of())
        : withRetries(claim.get(), pool, echo, followDeps);
  }

  /** The next attempt's row; empty if another process claimed it first, or if stopping. */
  private Optional<Claim> claimRetry(Claim previous) {
    int attempt = previous.attempt() + 1;
    Instant now = clock.instant();
    if (active.stopping()) {
      store()
          .enqueueRetry(
              new PendingRetry(previous.task().name(), previous.scheduledFor(), attempt, now));
      return Optional.empty();
    }
    return store()
        .inTransaction(
            tx ->
                rows.claim(
                    tx,
                    new ClaimRows.Fire(
                        previous.task(),
                        previous.scheduledFor(),
                        Trigger.RETRY,
                        attempt,
                        previous.window()),
                    now));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private RunExecutor executor() {
    return new RunExecutor(
        config,
        store(),
        clock,
        taskLog,
        redactor,
        timers,
        processes,
        this::notifications,
        active,
        journal);
  }

  /**
   * A run asked for now rather than by the schedule: by a person ({@code runner run}, {@code runner
   * backfill}), and later by the console or a trigger. {@code params} go over the task's own for
   * this run; a backfill names its {@code window}.
   */
  public record Request(
      TaskDef task,
      Map<String, String> params,
      Trigger trigger,
      Window window,
      boolean followDeps) {
    public Request {
      params = Map.copyOf(params);
    }

    public static Request manual(TaskDef task, Map<String, String> params, boolean followDeps) {
      return new Request(task, params, Trigger.MANUAL, null, followDeps);
    }

    /** One window of a window task: its row, its retries, no dependents. */
    public static Request backfill(TaskDef task, Window window) {
      return new Request(task, Map.of(), Trigger.BACKFILL, window, false);
    }

    TaskDef withParams() {
      if (params.isEmpty()) {
        return task;
      }
      Map<String, Object> merged = new LinkedHashMap<>(task.params());
      merged.putAll(params);
      return task.withParams(merged);
    }
  }

  /** A run asked of a host the task's {@code hosts} does not list is refused, saying where. */
  private void requireHere(TaskDef task) {
    if (!task.runsOn(identity.host())) {
      throw new ElsewhereException(task, identity.host());
    }
  }

  /** A claimed run: its row's id at once, and every attempt's result when the run is over. */
  public record Submitted(long runId, CompletableFuture<List<RunResult>> results) {}

  /**
   * Claims a run of the request's task (unless one is live: the same overlap rule as a tick's) and
   * starts it in {@code pool}, with its retries (and its dependents when asked), echoing output to
   * {@code echo} when given; returns as soon as the run's row is claimed. Every way of starting a
   * run by request goes through here.
   */
  public Submitted submit(Request request, Executor pool, PrintWriter echo) throws BusyException {
    TaskDef task = request.withParams();
    requireHere(task);
    replay.settle(store().inTransaction(replay::replay));
    Instant now = clock.instant();
    Claim claimed =
        store()
            .inTransaction(
                tx -> {
                  if (active.stopping() || liveness.busy(tx, task)) {
                    return null;
                  }
                  liveness.hold(task.name());
                  return claim(tx, task, request, now);
                });
    if (claimed == null) {
      throw new BusyException(busy(request));
    }
    CompletableFuture<List<RunResult>> results =
        withRetries(claimed, pool, echo, request.followDeps())
            .whenComplete((r, e) -> locks.release(task.name()));
    return new Submitted(claimed.id(), results);
  }

  /** Claimed backfill windows: every row's id at once, and the results as the windows end. */
  public record Backfill(List<Long> runIds, CompletableFuture<List<RunResult>> results) {}

  /**
   * A backfill by request (the API's): every window's row claimed at once, in one transaction (so
   * the ids can be answered before any runs), then run one after another in {@code pool}, as {@code
   * runner backfill} runs them; the first window that does not succeed stops the rest, which are
   * recorded skipped with the reason. With {@code advance} (a backfill from the last window's end),
   * each window that succeeds moves the task's {@code window_next} past it, as the schedule's own
   * chain would, so the schedule does not run it again; otherwise the schedule is left as is.
   *
   * @throws BusyException when a run of the task is live (or a window's row exists already)
   */
  public Backfill submitBackfill(TaskDef task, List<Window> windows, boolean advance, Executor pool)
      throws BusyException {
    requireHere(task);
    replay.settle(store().inTransaction(replay::replay));
    Instant now = clock.instant();
    List<Claim> claims =
        store()
            .inTransaction(
                tx -> {
                  if (active.stopping() || liveness.busy(tx, task)) {
                    return null;
                  }
                  List<Claim> all = new ArrayList<>();
                  for (Window window : windows) {
                    int attempt = tx.attempts(task.name(), window.end()) + 1;
                    all.add(
                        rows.claim(
                                tx,
                                new ClaimRows.Fire(
                                    task, window.end(), Trigger.BACKFILL, attempt, window),
                                now)
                            .orElseThrow());
                  }
                  liveness.hold(task.name());
                  return all;
                });
    if (claims == null) {
      throw new BusyException(busy(new Request(task, Map.of(), Trigger.BACKFILL, null, false)));
    }
    CompletableFuture<List<RunResult>> results =
        inOrder(claims, 0, advance, pool).whenComplete((r, e) -> locks.release(task.name()));
    return new Backfill(claims.stream().map(Claim::id).toList(), results);
  }

  /** Runs {@code claims} from {@code from} on, each after the one before succeeded. */
  private CompletableFuture<List<RunResult>> inOrder(
      List<Claim> claims, int from, boolean advance, Executor pool) {
    if (from == claims.size()) {
      return CompletableFuture.completedFuture(List.of());
    }
    Claim claim = claims.get(from);
    return withRetries(claim, pool, null, false)
        .thenCompose(
            done -> {
              RunResult last = done.get(done.size() - 1);
              if (last.status() != RunStatus.SUCCESS) {
                skipRest(claims.subList(from + 1, claims.size()), last);
                return CompletableFuture.completedFuture(done);
              }
              if (advance) {
                Window window = claim.window();
                store()
                    .inTransaction(
                        tx -> tx.advanceWindow(claim.task().name(), window.start(), window.end()));
              }
              return inOrder(claims, from + 1, advance, pool).thenApply(more -> concat(done, more));
            });
  }

  /** The windows after one that did not succeed: ended as skipped, saying which stopped them. */
  private void skipRest(List<Claim> rest, RunResult stopper) {
    Instant now = clock.instant();
    for (Claim claim : rest) {
      RunMessage message =
          new RunMessage(claim.notes())
              .withReason(
                  "not run: run "
                      + stopper.id()
                      + " of the window before ended "
                      + stopper.status().dbName());
      store().finish(claim.id(), new RunEnd(RunStatus.SKIPPED, now, now, 0, message.json(), true));
    }
  }

  /** A request's row: a manual run keyed by its instant, a backfill by its window's end. */
  private Claim claim(Store.Tx tx, TaskDef task, Request request, Instant now) {
    if (request.window() != null) {
      Window window = request.window();
      int attempt = tx.attempts(task.name(), window.end()) + 1;
      return rows.claim(
              tx, new ClaimRows.Fire(task, window.end(), request.trigger(), attempt, window), now)
          .orElseThrow();
    }
    tx.ensureState(task.name(), now);
    Instant key = now;
    Optional<Claim> claim;
    while ((claim = rows.claim(tx, new ClaimRows.Fire(task, key, request.trigger(), 1, null), now))
        .isEmpty()) {
      key = key.plusMillis(1); // two manual runs in one millisecond
    }
    return claim.get();
  }

  private static String busy(Request request) {
    String name = request.task().name();
    return request.trigger() == Trigger.BACKFILL
        ? name + " is running now; backfill after it ends"
        : name
            + " is running now and its overlap is skip; wait for it, or see"
            + " `runner history --task "
            + name
            + " --status running`";
  }

  /**
   * {@code runner run TASK} and {@code runner backfill}: {@link #submit} in a pool of their own
   * (the settings' workers; one for a backfill, whose windows go in order), waited for. Returns
   * every attempt's result, the last one final.
   */
  public List<RunResult> runInForeground(Request request, PrintWriter echo) throws BusyException {
    int workers = request.window() != null ? 1 : config.settings().maxWorkers();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      return collect(List.of(submit(request, pool, echo).results()));
    } finally {
      pool.shutdown();
    }
  }

  /**
   * When the next tick could have something to do: the earliest fire of an enabled task after its
   * watermark (a fire not yet decided makes it now), and the earliest queued retry. Also the tasks
   * with a run in progress on this host, whose owners the idle check must find alive.
   */
  public record Idle(Instant due, List<String> live) {}

  public Idle idle() {
    return store()
        .inTransaction(
            tx -> {
              Map<String, TaskState> states = tx.states();
              Instant due = Instant.MAX;
              for (TaskDef task : config.tasks()) {
                if (!task.enabled() || task.manual()) {
                  continue;
                }
                TaskState state = states.get(task.name());
                if (state == null) {
                  return new Idle(Instant.MIN, List.of());
                }
                Optional<Instant> next =
                    task.compile(state.anchor()).flatMap(s -> s.next(state.watermark()));
                if (next.isPresent() && next.get().isBefore(due)) {
                  due = next.get();
                }
              }
              for (PendingRetry retry : tx.dueRetries(Instant.parse("9999-12-31T23:59:59Z"))) {
                if (retry.dueAt().isBefore(due)) {
                  due = retry.dueAt();
                }
              }
              List<String> live =
                  tx.running().stream()
                      .filter(r -> identity.host().equals(r.host()))
                      .map(RunRecord::taskName)
                      .distinct()
                      .toList();
              return new Idle(due, live);
            });
  }

  @Override
  public void close() {
    timers.shutdownNow();
    heartbeat.close();
    if (store != null) {
      store.close();
    }
  }
}
