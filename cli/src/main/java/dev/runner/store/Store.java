package dev.runner.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import org.sqlite.SQLiteConfig;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * The SQLite database: history rows and task state, through the handful of operations runner needs.
 * Each write is a short transaction; nothing here is held while a task runs.
 */
public final class Store implements AutoCloseable {

  /** The migrations, in order; the database's {@code user_version} counts those applied. */
  private static final List<String> MIGRATIONS =
      List.of("V1__init.sql", "V2__retry_queue.sql", "V3__final_attempts.sql", "V4__windows.sql");

  private static final String COLUMNS =
      "id, task_name, status, run_time, duration, message, scheduled_for, trigger, attempt,"
          + " end_time, window_start, window_end, host, pid, child_pid, child_started, upstream_run_id,"
          + " final";

  private final Path file;
  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  private Store(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens the database of {@code home}, refusing one that is lost (see {@link LostDatabase}): how
   * every command that uses a home's database opens it.
   */
  public static Store open(Path file, Path home, Path logDir) {
    new LostDatabase(home, file, logDir).check();
    return open(file);
  }

  /** Opens (creating with owner-only permissions if needed) and migrates the database. */
  public static Store open(Path file) {
    try {
      // An existing database keeps the permissions its owner gave it; SQLite gives its -wal and
      // -shm files the database's own.
      PrivateFiles.create(file);
      SqliteNative.keepIn(file.toAbsolutePath().getParent().resolve(".runner"));
      // the driver's connection itself: DriverManager (which org.sqlite.JDBC registers with as it
      // loads) first scans the class path for every driver
      Connection connection =
          new JDBC4Connection("jdbc:sqlite:" + file, file.toString(), new Properties());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 10000");
        statement.execute("PRAGMA journal_mode = WAL");
        // a claim must survive power loss; there are only a few commits a minute
        statement.execute("PRAGMA synchronous = FULL");
      }
      Store store = new Store(file, connection);
      store.migrate();
      return store;
    } catch (SQLException | IOException e) {
      throw StoreFailure.of(file, "cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the database only to read it, changing nothing (no file made, no migration): for a home
   * on a read-only disk, whose history is still worth showing, and for {@code runner db check}.
   */
  public static Store openReadOnly(Path file) {
    try {
      if (!Files.exists(file)) {
        throw new IOException("no such file");
      }
      SqliteNative.keepIn(file.toAbsolutePath().getParent().resolve(".runner"));
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setBusyTimeout(10_000);
      // on a read-only disk SQLite cannot make the WAL's shared-memory file; immutable reads the
      // file as the last writer left it, which a closed runner has checkpointed
      String name =
          "file:"
              + file.toAbsolutePath()
              + (Files.isWritable(file.toAbsolutePath().getParent()) ? "" : "?immutable=1");
      Connection connection =
          new JDBC4Connection("jdbc:sqlite:" + name, name, config.toProperties());
      Store store = new Store(file, connection);
      int version = store.schemaVersion();
      if (version != MIGRATIONS.size()) {
        connection.close();
        throw new SQLException(
            "the database has schema version "
                + version
                + " and this runner reads version "
                + MIGRATIONS.size()
                + "; it cannot be migrated while read-only");
      }
      return store;
    } catch (SQLException | IOException e) {
      throw StoreFailure.of(file, "cannot read the database " + file + ": " + e.getMessage(), e);
    }
  }

  /** The schema version the database says it has ({@code PRAGMA user_version}). */
  public int schemaVersion() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  /**
   * {@code PRAGMA synchronous} as this store's connection has it (2 is FULL). The setting belongs
   * to the connection, so no other connection can tell; the tests read it here.
   */
  synchronized int synchronous() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA synchronous")) {
      return rs.getInt(1);
    }
  }

  /** The schema version this runner writes. */
  public static int knownSchemaVersion() {
    return MIGRATIONS.size();
  }

  /** What {@code runner db check} reports: SQLite's integrity check and what the tables hold. */
  public record Inspection(
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

  public synchronized Inspection inspect() {
    try (Statement statement = connection.createStatement()) {
      List<String> integrity = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check(20)")) {
        while (rs.next()) {
          integrity.add(rs.getString(1));
        }
      }
      long runs;
      long running;
      Instant first;
      Instant last;
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT COUNT(*), COALESCE(SUM(status = 'running'), 0), MIN(run_time), MAX(run_time)"
                  + " FROM task_logs")) {
        runs = rs.getLong(1);
        running = rs.getLong(2);
        first = Instants.parse(rs.getString(3));
        last = Instants.parse(rs.getString(4));
      }
      long tasks;
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM task_state")) {
        tasks = rs.getLong(1);
      }
      long retries;
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM retry_queue")) {
        retries = rs.getLong(1);
      }
      return new Inspection(schemaVersion(), integrity, runs, running, first, last, tasks, retries);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void migrate() throws SQLException, IOException {
    int version = schemaVersion();
    if (version > MIGRATIONS.size()) {
      throw new SQLException(
          "the database has schema version "
              + version
              + ", newer than this runner knows ("
              + MIGRATIONS.size()
              + "); upgrade runner");
    }
    for (int i = version; i < MIGRATIONS.size(); i++) {
      String sql = resource(MIGRATIONS.get(i));
      int target = i + 1;
      inTransaction(
          tx -> {
            sql(
                () -> {
                  try (Statement statement = connection.createStatement()) {
                    for (String part : sql.split(";\\s*\n")) {
                      if (!part.strip().isEmpty()) {
                        statement.execute(part);
                      }
                    }
                    statement.execute("PRAGMA user_version = " + target);
                  }
                });
            return null;
          });
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Store.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing migration " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private StoreException failure(SQLException e) {
    return StoreFailure.of(file, "database " + file + ": " + e.getMessage(), e);
  }

  public Path file() {
    return file;
  }

  /**
   * Work done inside one {@code BEGIN IMMEDIATE} transaction; it fails with {@link StoreException}.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx);
  }

  @FunctionalInterface
  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  @FunctionalInterface
  private interface SqlRun {
    void run() throws SQLException;
  }

  /** A transaction's step, its SQLite error told as a {@link StoreException}. */
  private <T> T sql(SqlCall<T> call) {
    try {
      return call.call();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void sql(SqlRun run) {
    sql(
        () -> {
          run.run();
          return null;
        });
  }

  /** Runs {@code work} in a write transaction and commits it, durably (claims, retries). */
  public <T> T inTransaction(Work<T> work) {
    return transaction(work, true, true);
  }

  /**
   * Runs {@code work} in a write transaction committed without its own flush to disk: how a run's
   * outcome is recorded. SQLite's WAL keeps it in order, and the next durable commit (the next
   * claim) or checkpoint makes it durable; a power cut in between can only turn the last outcomes
   * into {@code crashed} rows, never lose a claim or run a fire twice. With a thousand runs a tick,
   * a flush per outcome would cost more than the runs.
   */
  public <T> T inLightTransaction(Work<T> work) {
    return transaction(work, true, false);
  }

  /** Runs {@code work} in a write transaction and rolls it back: for dry runs. */
  public <T> T rehearse(Work<T> work) {
    return transaction(work, false, true);
  }

  // One connection, shared by the worker threads: its use is serialised here.
  private synchronized <T> T transaction(Work<T> work, boolean commit, boolean durable) {
    try (Statement statement = connection.createStatement()) {
      if (!durable) {
        statement.execute("PRAGMA synchronous = NORMAL");
      }
      statement.execute("BEGIN IMMEDIATE");
      try {
        T result = work.run(new Tx());
        statement.execute(commit ? "COMMIT" : "ROLLBACK");
        return result;
      } catch (SQLException | RuntimeException e) {
        // A failed COMMIT (a full disk) may have ended the transaction already; the rollback's
        // own "no transaction is active" must not hide the real cause.
        try {
          statement.execute("ROLLBACK");
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        if (!durable) {
          try {
            statement.execute("PRAGMA synchronous = FULL");
          } catch (SQLException ignored) {
            // the next transaction sets it again; the cause above is what the user needs
          }
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** The operations available inside a transaction. */
  public final class Tx {
    private Tx() {}

    /** A task's outcomes counted from its rows, for a task without a state row. */
    public Outcomes outcomesFromRows(String task) {
      return sql(
          () -> {
            long successes = 0;
            long failures = 0;
            RunStatus last = null;
            Long lastId = null;
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "SELECT id, status FROM task_logs WHERE task_name = ?"
                        + " AND status NOT IN ('running', 'skipped') ORDER BY id DESC")) {
              ps.setString(1, task);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  RunStatus status = RunStatus.fromDb(rs.getString("status"));
                  if (lastId == null) {
                    lastId = rs.getLong("id");
                    last = status;
                  }
                  successes += status == RunStatus.SUCCESS ? 1 : 0;
                  failures += status.isFailure() ? 1 : 0;
                }
              }
            }
            return new Outcomes(successes, failures, last, lastId);
          });
    }

    public Map<String, TaskState> states() {
      return sql(
          () -> {
            Map<String, TaskState> states = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM task_state");
                ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                TaskState state = state(rs);
                states.put(state.taskName(), state);
              }
            }
            return states;
          });
    }

    public void putState(TaskState state) {
      sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "INSERT INTO task_state (task_name, watermark, anchor, scheduled_runs, successes,"
                        + " failures, last_status, last_run_id, quiet_reason, window_next)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (task_name) DO UPDATE SET watermark = excluded.watermark,"
                        + " anchor = excluded.anchor, scheduled_runs = excluded.scheduled_runs,"
                        + " quiet_reason = excluded.quiet_reason,"
                        // runs move window_next; planning only ever sets the first one
                        + " window_next = COALESCE(task_state.window_next, excluded.window_next)")) {
              ps.setString(1, state.taskName());
              ps.setString(2, Instants.format(state.watermark()));
              ps.setString(3, Instants.format(state.anchor()));
              ps.setLong(4, state.scheduledRuns());
              ps.setLong(5, state.successes());
              ps.setLong(6, state.failures());
              ps.setString(7, state.lastStatus() == null ? null : state.lastStatus().dbName());
              setLong(ps, 8, state.lastRunId());
              ps.setString(9, state.quietReason());
              ps.setString(10, Instants.format(state.windowNext()));
              ps.executeUpdate();
            }
          });
    }

    public List<RunRecord> running() {
      return sql(
          () -> {
            return Store.this.query(
                "SELECT " + COLUMNS + " FROM task_logs WHERE status = 'running' ORDER BY id",
                List.of());
          });
    }

    /** Inserts a row; empty when the fire was already claimed (by another process). */
    public Optional<Long> insert(NewRun run, String host, long pid) {
      return sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "INSERT INTO task_logs (task_name, status, run_time, message, scheduled_for,"
                        + " trigger, attempt, host, pid, duration, end_time, upstream_run_id,"
                        + " window_start, window_end)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (task_name, scheduled_for, attempt) DO NOTHING")) {
              boolean skipped = run.status() == RunStatus.SKIPPED;
              ps.setString(1, run.taskName());
              ps.setString(2, run.status().dbName());
              ps.setString(3, Instants.format(run.runTime()));
              ps.setString(4, run.message());
              ps.setString(5, Instants.format(run.scheduledFor()));
              ps.setString(6, run.trigger());
              ps.setInt(7, run.attempt());
              ps.setString(8, host);
              ps.setLong(9, pid);
              if (skipped) {
                ps.setDouble(10, 0);
                ps.setString(11, Instants.format(run.runTime()));
              } else {
                ps.setNull(10, Types.REAL);
                ps.setNull(11, Types.VARCHAR);
              }
              setLong(ps, 12, run.upstreamRunId());
              ps.setString(13, Instants.format(run.windowStart()));
              ps.setString(14, Instants.format(run.windowEnd()));
              if (ps.executeUpdate() == 0) {
                return Optional.empty();
              }
            }
            try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT last_insert_rowid()")) {
              return Optional.of(rs.getLong(1));
            }
          });
    }

    public Optional<RunRecord> find(long id) {
      return sql(
          () -> {
            return Store.this
                .query("SELECT " + COLUMNS + " FROM task_logs WHERE id = ?", List.of(id))
                .stream()
                .findFirst();
          });
    }

    /**
     * Ends a run that is still {@code running}: its row and the task's counts and last status,
     * together. A run already ended (by a later process, from the journal) is left as it is.
     */
    public void finish(long id, RunEnd run) {
      sql(
          () -> {
            {
              PreparedStatement ps =
                  prepared(
                      "UPDATE task_logs SET status = ?, end_time = ?, duration = ?, message = ?,"
                          + " final = ?, run_time = COALESCE(?, run_time)"
                          + " WHERE id = ? AND status = 'running'");
              ps.setString(1, run.status().dbName());
              ps.setString(2, Instants.format(run.end()));
              ps.setDouble(3, run.seconds());
              ps.setString(4, run.message());
              ps.setInt(5, run.last() ? 1 : 0);
              ps.setString(6, run.started() == null ? null : Instants.format(run.started()));
              ps.setLong(7, id);
              if (ps.executeUpdate() == 0) {
                return;
              }
            }
            {
              PreparedStatement ps =
                  prepared(
                      "UPDATE task_state SET last_status = ?, last_run_id = ?,"
                          + " successes = successes + ?, failures = failures + ?"
                          + " WHERE task_name = (SELECT task_name FROM task_logs WHERE id = ?)");
              ps.setString(1, run.status().dbName());
              ps.setLong(2, id);
              ps.setInt(3, run.status() == RunStatus.SUCCESS ? 1 : 0);
              ps.setInt(4, run.status().isFailure() ? 1 : 0);
              ps.setLong(5, id);
              ps.executeUpdate();
            }
          });
    }

    public void enqueueRetry(PendingRetry retry) {
      sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "INSERT INTO retry_queue (task_name, scheduled_for, attempt, due_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
              ps.setString(1, retry.taskName());
              ps.setString(2, Instants.format(retry.scheduledFor()));
              ps.setInt(3, retry.attempt());
              ps.setString(4, Instants.format(retry.dueAt()));
              ps.executeUpdate();
            }
          });
    }

    /** Retries due at {@code now}, oldest first. */
    public List<PendingRetry> dueRetries(Instant now) {
      return sql(
          () -> {
            return retries("WHERE due_at <= ?", Instants.format(now));
          });
    }

    /** Every retry waiting, the soonest first. */
    public List<PendingRetry> retries() {
      return sql(
          () -> {
            return retries("WHERE 1 = ?", 1);
          });
    }

    private List<PendingRetry> retries(String where, Object arg) throws SQLException {
      List<PendingRetry> due = new ArrayList<>();
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT * FROM retry_queue " + where + " ORDER BY due_at, task_name")) {
        ps.setObject(1, arg);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(
                new PendingRetry(
                    rs.getString("task_name"),
                    Instants.parse(rs.getString("scheduled_for")),
                    rs.getInt("attempt"),
                    Instants.parse(rs.getString("due_at"))));
          }
        }
      }
      return due;
    }

    public void removeRetry(PendingRetry retry) {
      sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "DELETE FROM retry_queue WHERE task_name = ? AND scheduled_for = ? AND attempt = ?")) {
              ps.setString(1, retry.taskName());
              ps.setString(2, Instants.format(retry.scheduledFor()));
              ps.setInt(3, retry.attempt());
              ps.executeUpdate();
            }
          });
    }

    /** The task's latest final outcome (not running, not skipped, not followed by a retry). */
    public Optional<RunRecord> lastOutcome(String task) {
      return sql(
          () -> {
            return Store.this
                .query(
                    "SELECT "
                        + COLUMNS
                        + " FROM task_logs WHERE task_name = ? AND final = 1"
                        + " AND status NOT IN ('running', 'skipped') ORDER BY id DESC LIMIT 1",
                    List.of(task))
                .stream()
                .findFirst();
          });
    }

    /** Moves a window task on past a successful window, if no one moved it already. */
    public boolean advanceWindow(String task, Instant from, Instant to) {
      return sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "UPDATE task_state SET window_next = ? WHERE task_name = ? AND window_next = ?")) {
              ps.setString(1, Instants.format(to));
              ps.setString(2, task);
              ps.setString(3, Instants.format(from));
              return ps.executeUpdate() == 1;
            }
          });
    }

    /** How many attempts a fire (or window) has had. */
    public int attempts(String task, Instant scheduledFor) {
      return sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "SELECT count(*) FROM task_logs WHERE task_name = ? AND scheduled_for = ?")) {
              ps.setString(1, task);
              ps.setString(2, Instants.format(scheduledFor));
              try (ResultSet rs = ps.executeQuery()) {
                return rs.getInt(1);
              }
            }
          });
    }

    /** The id of the task's latest run (any attempt, any trigger), 0 if it never ran. */
    public long lastRunId(String task) {
      return sql(
          () -> {
            return Store.this
                .query(
                    "SELECT "
                        + COLUMNS
                        + " FROM task_logs WHERE task_name = ?"
                        + " AND status != 'skipped' ORDER BY id DESC LIMIT 1",
                    List.of(task))
                .stream()
                .findFirst()
                .map(RunRecord::id)
                .orElse(0L);
          });
    }

    /** A task run by hand before the schedule ever saw it still gets a state row. */
    public void ensureState(String task, Instant now) {
      sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "INSERT INTO task_state (task_name, watermark, anchor) VALUES (?, ?, ?)"
                        + " ON CONFLICT (task_name) DO NOTHING")) {
              ps.setString(1, task);
              ps.setString(2, Instants.format(now));
              ps.setString(3, Instants.format(now));
              ps.executeUpdate();
            }
          });
    }
  }

  public void finish(long id, RunEnd run) {
    inLightTransaction(
        tx -> {
          tx.finish(id, run);
          return null;
        });
  }

  /** Records the task's child process, so a crashed run's leftovers can be found and stopped. */
  public void markChild(long id, long pid, Instant started) {
    light(
        "UPDATE task_logs SET child_pid = ?, child_started = ? WHERE id = ?",
        pid,
        Instants.format(started),
        id);
  }

  public void enqueueRetry(PendingRetry retry) {
    inTransaction(
        tx -> {
          tx.enqueueRetry(retry);
          return null;
        });
  }

  /** The task's latest final outcomes, newest first: what notification streaks count. */
  public List<RunStatus> recentOutcomes(String task, int limit) {
    return query(
            "SELECT "
                + COLUMNS
                + " FROM task_logs WHERE task_name = ? AND final = 1"
                + " AND status NOT IN ('running', 'skipped') ORDER BY id DESC LIMIT ?",
            List.of(task, limit))
        .stream()
        .map(RunRecord::status)
        .toList();
  }

  /** Replaces a finished run's message (to add what its notifications did). */
  public void setMessage(long id, String message) {
    light("UPDATE task_logs SET message = ? WHERE id = ?", message, id);
  }

  /** A batch of rows older than {@code before} (never a running one), oldest first. */
  public List<RunRecord> oldRows(Instant before, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM task_logs WHERE run_time < ? AND status != 'running'"
            + " ORDER BY id LIMIT ?",
        List.of(Instants.format(before), limit));
  }

  /** Deletes rows by id. */
  public void delete(List<Long> ids) {
    inLightTransaction(
        tx -> {
          sql(
              () -> {
                try (PreparedStatement ps =
                    connection.prepareStatement("DELETE FROM task_logs WHERE id = ?")) {
                  for (long id : ids) {
                    ps.setLong(1, id);
                    ps.addBatch();
                  }
                  ps.executeBatch();
                }
              });
          return null;
        });
  }

  /** Free pages over all pages: how much a VACUUM would give back. */
  public synchronized double freeShare() {
    try (Statement statement = connection.createStatement()) {
      long free;
      long pages;
      try (ResultSet rs = statement.executeQuery("PRAGMA freelist_count")) {
        free = rs.getLong(1);
      }
      try (ResultSet rs = statement.executeQuery("PRAGMA page_count")) {
        pages = rs.getLong(1);
      }
      return pages == 0 ? 0 : (double) free / pages;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  public synchronized void vacuum() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("VACUUM");
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Final runs of {@code task} (or all) since {@code since}, newest first: for stats. */
  public List<RunRecord> outcomesSince(String task, Instant since, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM task_logs WHERE run_time >= ? AND final = 1"
            + " AND status NOT IN ('running', 'skipped')"
            + (task == null ? "" : " AND task_name = ?")
            + " ORDER BY id DESC LIMIT ?",
        task == null
            ? List.of(Instants.format(since), limit)
            : List.of(Instants.format(since), task, limit));
  }

  public Optional<RunRecord> find(long id) {
    List<RunRecord> rows = query("SELECT " + COLUMNS + " FROM task_logs WHERE id = ?", List.of(id));
    return rows.stream().findFirst();
  }

  public Map<String, TaskState> states() {
    return inTransaction(Tx::states);
  }

  public List<RunRecord> history(HistoryQuery q) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM task_logs WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.task() != null) {
      sql.append(" AND task_name = ?");
      args.add(q.task());
    }
    if (q.statuses() != null && !q.statuses().isEmpty()) {
      StringJoiner marks = new StringJoiner(", ", " AND status IN (", ")");
      for (RunStatus status : q.statuses()) {
        marks.add("?");
        args.add(status.dbName());
      }
      sql.append(marks);
    }
    if (q.since() != null) {
      sql.append(" AND run_time >= ?");
      args.add(Instants.format(q.since()));
    }
    sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
    args.add(q.limit());
    args.add(q.offset());
    return query(sql.toString(), args);
  }

  private synchronized List<RunRecord> query(String sql, List<Object> args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<RunRecord> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(run(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void light(String sql, Object... args) {
    inLightTransaction(
        tx -> {
          update(sql, args);
          return null;
        });
  }

  private synchronized void update(String sql, Object... args) {
    try {
      PreparedStatement ps = prepared(sql);
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static RunRecord run(ResultSet rs) throws SQLException {
    double duration = rs.getDouble("duration");
    Double boxedDuration = rs.wasNull() ? null : duration;
    long pid = rs.getLong("pid");
    Long boxedPid = rs.wasNull() ? null : pid;
    long childPid = rs.getLong("child_pid");
    Long boxedChild = rs.wasNull() ? null : childPid;
    long upstream = rs.getLong("upstream_run_id");
    Long boxedUpstream = rs.wasNull() ? null : upstream;
    return new RunRecord(
        rs.getLong("id"),
        rs.getString("task_name"),
        RunStatus.fromDb(rs.getString("status")),
        Instants.parse(rs.getString("run_time")),
        boxedDuration,
        rs.getString("message"),
        Instants.parse(rs.getString("scheduled_for")),
        rs.getString("trigger"),
        rs.getInt("attempt"),
        Instants.parse(rs.getString("end_time")),
        Instants.parse(rs.getString("window_start")),
        Instants.parse(rs.getString("window_end")),
        rs.getString("host"),
        boxedPid,
        boxedChild,
        Instants.parse(rs.getString("child_started")),
        boxedUpstream,
        rs.getInt("final") == 1);
  }

  private static TaskState state(ResultSet rs) throws SQLException {
    String last = rs.getString("last_status");
    long lastRun = rs.getLong("last_run_id");
    Long boxedLastRun = rs.wasNull() ? null : lastRun;
    return new TaskState(
        rs.getString("task_name"),
        Instants.parse(rs.getString("watermark")),
        Instants.parse(rs.getString("anchor")),
        rs.getLong("scheduled_runs"),
        rs.getLong("successes"),
        rs.getLong("failures"),
        last == null ? null : RunStatus.fromDb(last),
        boxedLastRun,
        rs.getString("quiet_reason"),
        Instants.parse(rs.getString("window_next")));
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, value);
    }
  }

  /**
   * The statement for {@code sql}, prepared once per connection: the per-run updates would
   * otherwise be prepared again for each of a thousand runs. Callers hold the store's lock.
   */
  private PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement ps = prepared.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      prepared.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close(); // closes the prepared statements too
    } catch (SQLException ignored) {
      // closing at exit; nothing left to save
    }
  }
}
