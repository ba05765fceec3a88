package dev.runner.engine;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.store.NewRun;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One invocation's engine: the loaded config, the store, the clock and the process identity. A tick
 * is sweep, plan and claim under the tick lock (one transaction), then dispatch without it.
 */
public final class Engine implements AutoCloseable {

  /** SIGKILL follows SIGTERM this long after a timeout (SPEC 6). */
  public static final Duration KILL_GRACE = Duration.ofSeconds(10);

  private final RunnerConfig config;
  private final Clock clock;
  private final Identity identity;
  private final Redactor redactor;
  private final TaskLocks locks;
  private final TaskLog taskLog;
  private final ScheduledExecutorService timers;
  private final ProcessGroups processes;
  private Store store;

  public Engine(RunnerConfig config, Clock clock, Identity identity) {
    this.config = config;
    this.clock = clock;
    this.identity = identity;
    this.redactor = new Redactor(config.environment().secretValues());
    this.locks = new TaskLocks(config.home().dir().resolve("locks"));
    this.taskLog = new TaskLog(config.settings().logDir(), config.settings().logDays(), redactor);
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "runner-timers");
              thread.setDaemon(true);
              return thread;
            });
    this.processes = new ProcessGroups(timers, KILL_GRACE);
  }

  public Store store() {
    if (store == null) {
      store = Store.open(config.settings().database());
    }
    return store;
  }

  public TaskLog taskLog() {
    return taskLog;
  }

  /** One scheduling pass at the clock's now; a dry run plans and changes nothing. */
  public TickReport tick(boolean dryRun) throws IOException {
    Instant now = clock.instant();
    List<Claim> claims;
    List<Decision> decisions;
    List<String> crashed = new ArrayList<>();
    Optional<TickLock> lock = TickLock.tryAcquire(config.home().dir().resolve("runner.lock"));
    if (lock.isEmpty()) {
      return TickReport.wasBusy();
    }
    try (TickLock held = lock.get()) {
      Planner planner = new Planner();
      Store.Work<Claimed> work =
          tx -> {
            Set<String> live = sweep(tx, now, crashed);
            Plan plan = planner.plan(config.tasks(), tx.states(), live, now);
            List<Claim> claimed = new ArrayList<>();
            for (Decision decision : plan.decisions()) {
              NewRun row =
                  new NewRun(
                      decision.task(),
                      decision.run() ? RunStatus.RUNNING : RunStatus.SKIPPED,
                      now,
                      decision.scheduledFor(),
                      "schedule",
                      1,
                      Json.write(decision.notes()));
              Optional<Long> id = tx.insert(row, identity.host(), identity.pid());
              if (id.isPresent() && decision.run()) {
                TaskDef task = config.task(decision.task()).orElseThrow();
                claimed.add(
                    new Claim(
                        id.get(), task, decision.scheduledFor(), "schedule", 1, decision.notes()));
              }
            }
            for (TaskState state : plan.states()) {
              tx.putState(state);
            }
            return new Claimed(claimed, plan.decisions());
          };
      Claimed claimed = dryRun ? store().rehearse(work) : store().inTransaction(work);
      claims = claimed.claims();
      decisions = claimed.decisions();
      if (dryRun) {
        return new TickReport(false, crashed, decisions, List.of());
      }
      // Hold each task's lock before letting the next tick in, so its sweep sees these alive.
      for (Claim claim : claims) {
        locks.hold(claim.task().name());
      }
    }
    return new TickReport(false, crashed, decisions, dispatch(claims));
  }

  private record Claimed(List<Claim> claims, List<Decision> decisions) {}

  /**
   * Marks {@code running} rows of this host whose owner is gone as {@code crashed}; returns the
   * tasks that still have a live run.
   */
  private Set<String> sweep(Store.Tx tx, Instant now, List<String> crashed) throws SQLException {
    Set<String> live = new HashSet<>();
    for (RunRecord row : tx.running()) {
      boolean ours = identity.host().equals(row.host());
      boolean alive;
      try {
        alive = !ours || locks.ownerAlive(row.taskName());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
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
      double seconds = Duration.between(row.runTime(), now).toMillis() / 1000.0;
      tx.finish(row.id(), RunStatus.CRASHED, now, Math.max(0, seconds), Json.write(message));
      crashed.add(row.taskName());
      taskLog.ended(row.taskName(), row.id(), "crashed", seconds, (String) message.get("error"));
    }
    return live;
  }

  /** Runs the claims in a pool of {@code RUNNER_MAX_WORKERS}; a task's own runs go in order. */
  private List<RunResult> dispatch(List<Claim> claims) {
    if (claims.isEmpty()) {
      return List.of();
    }
    Map<String, List<Claim>> byTask = new LinkedHashMap<>();
    for (Claim claim : claims) {
      byTask.computeIfAbsent(claim.task().name(), k -> new ArrayList<>()).add(claim);
    }
    RunExecutor executor = executor();
    int workers = Math.min(config.settings().maxWorkers(), byTask.size());
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<List<RunResult>>> futures = new ArrayList<>();
      for (List<Claim> chain : byTask.values()) {
        futures.add(
            pool.submit(
                () -> {
                  List<RunResult> results = new ArrayList<>();
                  try {
                    for (Claim claim : chain) {
                      results.add(executor.execute(claim, null));
                    }
                  } finally {
                    chain.forEach(c -> locks.release(c.task().name()));
                  }
                  return results;
                }));
      }
      List<RunResult> results = new ArrayList<>();
      for (Future<List<RunResult>> future : futures) {
        try {
          results.addAll(future.get());
        } catch (ExecutionException e) {
          taskLog.error("a run failed inside runner", e.getCause());
          throw new IllegalStateException("a run failed inside runner", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  private RunExecutor executor() {
    return new RunExecutor(config, store(), clock, taskLog, redactor, timers, processes);
  }

  /**
   * {@code runner run TASK}: claims a manual run and runs it in the foreground, echoing its output
   * to {@code echo} when given.
   */
  public RunResult runNow(TaskDef task, PrintWriter echo) throws BusyException, IOException {
    Instant now = clock.instant();
    Claim claim =
        store()
            .inTransaction(
                tx -> {
                  if (task.overlap() == TaskDef.Overlap.SKIP) {
                    for (RunRecord row : tx.running()) {
                      if (row.taskName().equals(task.name()) && ownerAlive(row)) {
                        return null;
                      }
                    }
                  }
                  tx.ensureState(task.name(), now);
                  try {
                    locks.hold(task.name());
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  Instant key = now;
                  Optional<Long> id;
                  while ((id =
                          tx.insert(
                              new NewRun(
                                  task.name(), RunStatus.RUNNING, now, key, "manual", 1, "{}"),
                              identity.host(),
                              identity.pid()))
                      .isEmpty()) {
                    key = key.plusMillis(1); // two manual runs in one millisecond
                  }
                  return new Claim(id.get(), task, key, "manual", 1, Map.of());
                });
    if (claim == null) {
      throw new BusyException(
          task.name()
              + " is running now and its overlap is skip; wait for it, or see"
              + " `runner history --task "
              + task.name()
              + " --status running`");
    }
    try {
      return executor().execute(claim, echo);
    } finally {
      locks.release(task.name());
    }
  }

  private boolean ownerAlive(RunRecord row) {
    if (!identity.host().equals(row.host())) {
      return true;
    }
    try {
      return locks.ownerAlive(row.taskName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    timers.shutdownNow();
    if (store != null) {
      store.close();
    }
  }
}
