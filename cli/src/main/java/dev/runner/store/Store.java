package dev.runner.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history rows and task state, in the engine's terms: claims, a run's end, states, retries,
 * history queries and pruning. Each write is a short transaction; nothing here is held while a task
 * runs. Every failure is a {@link StoreException}; which database is behind it is the
 * implementation's business ({@code store.sqlite} today), and {@link StoreFactory} picks it.
 */
public interface Store extends AutoCloseable {

  /** Work done inside one write transaction; it fails with {@link StoreException}. */
  @FunctionalInterface
  interface Work<T> {
    T run(Tx tx);
  }

  /**
   * Runs {@code work} in a write transaction that holds the database's write lock from its start
   * (so a claim sees every other claim), and commits it durably: claims, retries.
   */
  <T> T inTransaction(Work<T> work);

  /**
   * Runs {@code work} in a write transaction committed without its own flush to disk: how a run's
   * outcome is recorded. The next durable commit (the next claim) makes it durable; a power cut in
   * between can only turn the last outcomes into {@code crashed} rows, never lose a claim or run a
   * fire twice. With a thousand runs a tick, a flush per outcome would cost more than the runs.
   */
  <T> T inLightTransaction(Work<T> work);

  /** Runs {@code work} in a write transaction and rolls it back: for dry runs. */
  <T> T rehearse(Work<T> work);

  /** The operations available inside a transaction. */
  interface Tx {

    /** A task's outcomes counted from its rows, for a task without a state row. */
    Outcomes outcomesFromRows(String task);

    Map<String, TaskState> states();

    /** Writes a task's scheduling state; its counts and last outcome are the runs' to move. */
    void putState(TaskState state);

    List<RunRecord> running();

    /** Inserts a row; empty when the fire was already claimed (by another process). */
    Optional<Long> insert(NewRun run, String host, long pid);

    Optional<RunRecord> find(long id);

    /**
     * Ends a run that is still {@code running}: its row and the task's counts and last status,
     * together. A run already ended (by a later process, from the journal, or by another host that
     * found its owner dead) is left as it is: false then, nothing written.
     */
    boolean finish(long id, RunEnd run);

    /**
     * This process is alive: its row in {@code runner_processes} stamped with the database's clock
     * (the hosts' own clocks may disagree).
     */
    void beat(String host, long pid, String version);

    /**
     * The owners of running rows that have not beaten within {@code deadAfter} by the database's
     * clock, or never: on a shared database, how one host tells that another's run is dead.
     */
    Set<Owner> deadOwners(Duration deadAfter);

    void enqueueRetry(PendingRetry retry);

    /** Retries due at {@code now}, oldest first. */
    List<PendingRetry> dueRetries(Instant now);

    /** Every retry waiting, the soonest first. */
    List<PendingRetry> retries();

    void removeRetry(PendingRetry retry);

    /** The task's latest final outcome (not running, not skipped, not followed by a retry). */
    Optional<RunRecord> lastOutcome(String task);

    /**
     * The task's latest final outcomes as {@link #lastOutcome} picks them, newest first, at most
     * {@code limit}: one indexed read per task, however often other tasks run.
     */
    List<RunOutcome> latestOutcomes(String task, int limit);

    /** Moves a window task on past a successful window, if no one moved it already. */
    boolean advanceWindow(String task, Instant from, Instant to);

    /** How many attempts a fire (or window) has had. */
    int attempts(String task, Instant scheduledFor);

    /** The id of the task's latest run (any attempt, any trigger), 0 if it never ran. */
    long lastRunId(String task);

    /** A task run by hand before the schedule ever saw it still gets a state row. */
    void ensureState(String task, Instant now);

    /**
     * Asks the run's owner to stop it: marks a {@code running} row; false when the row is not
     * running (ended, or no such row). Asking twice is asking once.
     */
    boolean requestCancel(long id);

    /** The {@code running} rows someone asked to stop: what their owners and the sweep read. */
    Set<Long> cancelRequested();
  }

  /** {@link Tx#cancelRequested} without a write transaction: an owner asks it once a second. */
  Set<Long> cancelRequested();

  /**
   * What a watcher of runs reads each time it looks: the rows after {@code afterId} (new runs and
   * decisions) and those of {@code ids} (the runs it saw running), by id.
   */
  List<RunRecord> newOrAmong(long afterId, Collection<Long> ids);

  /** {@link Tx#finish} in a light transaction of its own. */
  boolean finish(long id, RunEnd run);

  /** {@link Tx#beat} in a light transaction of its own. */
  void beat(String host, long pid, String version);

  /**
   * The process ends with its runs recorded: its row stays, to say when the host was last seen, but
   * no longer says it is alive (the daily prune removes it after a day).
   */
  void endBeat(String host, long pid);

  /**
   * Every host seen on the database lately, by name: its latest sign of life and how long ago that
   * was by the database's clock, its live processes, the version of its latest, its runs under way.
   */
  List<HostSeen> hosts(Duration deadAfter);

  /** One host as {@code runner hosts} shows it. */
  record HostSeen(
      String host,
      Instant lastSeen,
      Duration silentFor,
      int liveProcesses,
      String version,
      long running) {}

  /**
   * Removes the rows of processes silent for longer than {@code silent} by the database's clock
   * (killed ones, which never removed their own); how many went.
   */
  long pruneProcesses(Duration silent);

  /** A process that owns runs: the host its rows name and its pid there. */
  record Owner(String host, long pid) {

    /** The process that owns {@code row}. */
    public static Owner of(RunRecord row) {
      return new Owner(row.host(), row.pid() == null ? 0 : row.pid());
    }
  }

  /** Records the task's child process, so a crashed run's leftovers can be found and stopped. */
  void markChild(long id, long pid, Instant started);

  void enqueueRetry(PendingRetry retry);

  /** The task's latest final outcomes, newest first: what notification streaks count. */
  List<RunStatus> recentOutcomes(String task, int limit);

  /** Replaces a finished run's message (to add what its notifications did). */
  void setMessage(long id, String message);

  Optional<RunRecord> find(long id);

  Map<String, TaskState> states();

  /** One page of history, newest first. */
  List<RunRecord> history(HistoryQuery query);

  /** How many rows the query's filters match, over all its pages. */
  long countHistory(HistoryQuery query);

  /** Final runs of {@code task} (or all) since {@code since}, newest first: for stats. */
  List<RunRecord> outcomesSince(String task, Instant since, int limit);

  /** A batch of rows older than {@code before} (never a running one), oldest first. */
  List<RunRecord> oldRows(Instant before, int limit);

  /** Deletes rows by id. */
  void delete(List<Long> ids);

  /** Deletes the audit entries made before {@code before}; how many went. */
  long pruneAudit(Instant before);

  /** Adds an API token; false, changing nothing, when one of that name exists. */
  boolean addToken(WebToken token);

  /** Every API token, by name. */
  List<WebToken> tokens();

  /** The token whose SHA-256 is {@code hash}: how a request's token is checked. */
  Optional<WebToken> tokenByHash(String hash);

  /** Deletes an API token; false when there was none of that name. */
  boolean revokeToken(String name);

  /** Records when a token was last used. */
  void tokenUsed(String name, Instant at);

  /** Adds a row to the audit table. */
  void audit(AuditEntry entry);

  /** One page of the audit table, newest first. */
  List<AuditEntry> audit(int limit, int offset);

  /** How many rows the audit table holds. */
  long countAudit();

  /** Free space over all space: how much {@link #vacuum} would give back, 0 to 1. */
  double freeShare();

  void vacuum();

  /** The bytes the database takes on disk, for what a prune gave back. */
  long sizeOnDisk();

  /** The schema version the database says it has. */
  int schemaVersion();

  /** What {@code runner db check} reports: the database's integrity check and what it holds. */
  record Inspection(
      int schemaVersion,
      List<String> integrity,
      long runs,
      long running,
      Instant firstRun,
      Instant lastRun,
      long tasks,
      long retries) {
    public boolean intact() {
      return integrity.equals(List.of("ok"));
    }
  }

  Inspection inspect();

  @Override
  void close();
}
