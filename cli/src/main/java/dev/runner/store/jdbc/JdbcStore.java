package dev.runner.store.jdbc;

import dev.runner.store.AuditEntry;
import dev.runner.store.HistoryQuery;
import dev.runner.store.NewRun;
import dev.runner.store.Outcomes;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunEnd;
import dev.runner.store.RunOutcome;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import dev.runner.store.TaskState;
import dev.runner.store.Trigger;
import dev.runner.store.WebToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The store over one JDBC connection, in the SQL its {@link Dialect}s share; an implementation
 * opens the connection, sets it up and hands it here with its dialect.
 */
public class JdbcStore implements Store {

  private static final String COLUMNS =
      "id, task_name, status, run_time, duration, message, scheduled_for, trigger, attempt,"
          + " end_time, window_start, window_end, host, pid, child_pid, child_started, upstream_run_id,"
          + " final";

  /** Opens the connection again after the server dropped it. */
  @FunctionalInterface
  protected interface Reconnect {
    Connection open() throws SQLException;
  }

  private Connection connection;
  private final Dialect dialect;
  private final Reconnect reconnect;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  /** The server dropped the connection: the next call, outside a transaction, opens another. */
  private boolean lost;

  /** How deep in {@link #transaction} this thread is: a connection is never changed inside one. */
  private int depth;

  protected JdbcStore(Connection connection, Dialect dialect) {
    this(connection, dialect, null);
  }

  /**
   * {@code reconnect}: how to open the connection again (a server); null for a file's, for life.
   */
  protected JdbcStore(Connection connection, Dialect dialect, Reconnect reconnect) {
    this.connection = connection;
    this.dialect = dialect;
    this.reconnect = reconnect;
  }

  /** The connection, for what only one database has (its settings); callers hold the lock. */
  protected final Connection connection() {
    return connection;
  }

  /** Applies the migrations the database has not had yet; refuses a newer schema. */
  protected final void migrate() throws SQLException, IOException {
    List<String> migrations = dialect.migrations();
    int version = dialect.schemaVersion(connection);
    if (version > migrations.size()) {
      throw new SQLException(
          "the database has schema version "
              + version
              + ", newer than this runner knows ("
              + migrations.size()
              + "); upgrade runner");
    }
    for (int i = version; i < migrations.size(); i++) {
      String sql = resource(migrations.get(i));
      int target = i + 1;
      inTransaction(
          tx -> {
            sql(
                () -> {
                  // read again under the write lock: another process opening the same new
                  // database (a tick and runner web started at once) may have applied it since
                  if (dialect.schemaVersion(connection) >= target) {
                    return null;
                  }
                  try (Statement statement = connection.createStatement()) {
                    for (String part : sql.split(";\\s*\n")) {
                      if (!part.strip().isEmpty()) {
                        statement.execute(part);
                      }
                    }
                    dialect.setSchemaVersion(statement, target);
                  }
                  return null;
                });
            return null;
          });
    }
  }

  private String resource(String name) throws IOException {
    try (InputStream in = dialect.getClass().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing migration " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public synchronized int schemaVersion() {
    return sql(() -> dialect.schemaVersion(connection));
  }

  @Override
  public synchronized Inspection inspect() {
    return sql(
        () -> {
          try (Statement statement = connection.createStatement()) {
            List<String> integrity = dialect.integrity(statement);
            long runs;
            long running;
            Instant first;
            Instant last;
            try (ResultSet rs =
                statement.executeQuery(
                    "SELECT COUNT(*) AS runs,"
                        + " COALESCE(SUM(CASE WHEN status = 'running' THEN 1 ELSE 0 END), 0)"
                        + " AS running, MIN(run_time) AS first_run, MAX(run_time) AS last_run"
                        + " FROM task_logs")) {
              rs.next();
              runs = rs.getLong("runs");
              running = rs.getLong("running");
              first = dialect.instant(rs, "first_run");
              last = dialect.instant(rs, "last_run");
            }
            return new Inspection(
                dialect.schemaVersion(connection),
                integrity,
                runs,
                running,
                first,
                last,
                count(statement, "task_state"),
                count(statement, "retry_queue"));
          }
        });
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private StoreException failure(Exception e) {
    return dialect.failure("database " + dialect.name() + ": " + e.getMessage(), e);
  }

  @FunctionalInterface
  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  @FunctionalInterface
  private interface SqlRun {
    void run() throws SQLException;
  }

  /** A step, its database's error told as a {@link StoreException}. */
  private <T> T sql(SqlCall<T> call) {
    reopenIfLost();
    try {
      return call.call();
    } catch (SQLException e) {
      throw noted(failure(e));
    }
  }

  /** A failure that says the server is gone marks the connection to be opened again. */
  private StoreException noted(StoreException failure) {
    if (reconnect != null && failure.kind() == StoreException.Kind.UNAVAILABLE) {
      lost = true;
    }
    return failure;
  }

  private void reopenIfLost() {
    if (!lost || depth > 0) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // it is broken: closing it only frees what the driver still holds
    }
    prepared.clear();
    try {
      connection = reconnect.open();
      lost = false;
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

  @Override
  public <T> T inTransaction(Work<T> work) {
    return transaction(work, true, true);
  }

  @Override
  public <T> T inLightTransaction(Work<T> work) {
    return transaction(work, true, false);
  }

  @Override
  public <T> T rehearse(Work<T> work) {
    return transaction(work, false, true);
  }

  // One connection, shared by the worker threads: its use is serialised here.
  private synchronized <T> T transaction(Work<T> work, boolean commit, boolean durable) {
    reopenIfLost();
    depth++;
    try {
      return transactionOnce(work, commit, durable);
    } finally {
      depth--;
    }
  }

  private <T> T transactionOnce(Work<T> work, boolean commit, boolean durable) {
    try (Statement statement = connection.createStatement()) {
      dialect.begin(statement, durable);
      try {
        T result = work.run(new JdbcTx());
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
        try {
          dialect.end(statement, durable);
        } catch (SQLException ignored) {
          // the next transaction sets it again; the cause above is what the user needs
        }
      }
    } catch (SQLException e) {
      throw noted(failure(e));
    }
  }

  private final class JdbcTx implements Tx {

    @Override
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

    @Override
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

    @Override
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
              dialect.setInstant(ps, 2, state.watermark());
              dialect.setInstant(ps, 3, state.anchor());
              ps.setLong(4, state.scheduledRuns());
              ps.setLong(5, state.successes());
              ps.setLong(6, state.failures());
              ps.setString(7, state.lastStatus() == null ? null : state.lastStatus().dbName());
              setLong(ps, 8, state.lastRunId());
              ps.setString(9, state.quietReason());
              dialect.setInstant(ps, 10, state.windowNext());
              ps.executeUpdate();
            }
          });
    }

    @Override
    public List<RunRecord> running() {
      return query(
          "SELECT " + COLUMNS + " FROM task_logs WHERE status = 'running' ORDER BY id", List.of());
    }

    @Override
    public Optional<Long> insert(NewRun run, String host, long pid) {
      return sql(
          () -> {
            try (PreparedStatement ps =
                dialect.prepareInsert(
                    connection,
                    "INSERT INTO task_logs (task_name, status, run_time, message, scheduled_for,"
                        + " trigger, attempt, host, pid, duration, end_time, upstream_run_id,"
                        + " window_start, window_end)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (task_name, scheduled_for, attempt) DO NOTHING")) {
              boolean skipped = run.status() == RunStatus.SKIPPED;
              ps.setString(1, run.taskName());
              ps.setString(2, run.status().dbName());
              dialect.setInstant(ps, 3, run.runTime());
              ps.setString(4, run.message());
              dialect.setInstant(ps, 5, run.scheduledFor());
              ps.setString(6, run.trigger().dbName());
              ps.setInt(7, run.attempt());
              ps.setString(8, host);
              ps.setLong(9, pid);
              if (skipped) {
                ps.setDouble(10, 0);
                dialect.setInstant(ps, 11, run.runTime());
              } else {
                ps.setNull(10, Types.REAL);
                dialect.setInstant(ps, 11, null);
              }
              setLong(ps, 12, run.upstreamRunId());
              dialect.setInstant(ps, 13, run.windowStart());
              dialect.setInstant(ps, 14, run.windowEnd());
              return dialect.executeInsert(ps);
            }
          });
    }

    @Override
    public Optional<RunRecord> find(long id) {
      return JdbcStore.this.find(id);
    }

    @Override
    public boolean requestCancel(long id) {
      return sql(
          () -> {
            PreparedStatement ps =
                prepared(
                    "UPDATE task_logs SET cancel_requested = 1"
                        + " WHERE id = ? AND status = 'running'");
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
          });
    }

    @Override
    public Set<Long> cancelRequested() {
      return ids(CANCEL_REQUESTED, List.of());
    }

    @Override
    public boolean finish(long id, RunEnd run) {
      return sql(
          () -> {
            PreparedStatement row =
                prepared(
                    "UPDATE task_logs SET status = ?, end_time = ?, duration = ?, message = ?,"
                        + " final = ?, run_time = COALESCE(?, run_time)"
                        + " WHERE id = ? AND status = 'running'");
            row.setString(1, run.status().dbName());
            dialect.setInstant(row, 2, run.end());
            row.setDouble(3, run.seconds());
            row.setString(4, run.message());
            row.setInt(5, run.last() ? 1 : 0);
            dialect.setInstant(row, 6, run.started());
            row.setLong(7, id);
            if (row.executeUpdate() == 0) {
              return false;
            }
            PreparedStatement state =
                prepared(
                    "UPDATE task_state SET last_status = ?, last_run_id = ?,"
                        + " successes = successes + ?, failures = failures + ?"
                        + " WHERE task_name = (SELECT task_name FROM task_logs WHERE id = ?)");
            state.setString(1, run.status().dbName());
            state.setLong(2, id);
            state.setInt(3, run.status() == RunStatus.SUCCESS ? 1 : 0);
            state.setInt(4, run.status().isFailure() ? 1 : 0);
            state.setLong(5, id);
            state.executeUpdate();
            return true;
          });
    }

    @Override
    public void beat(String host, long pid, String version) {
      sql(
          () -> {
            PreparedStatement ps =
                prepared(
                    "INSERT INTO runner_processes (host, pid, version, started_at, beat_at)"
                        + " VALUES (?, ?, ?, "
                        + dialect.now()
                        + ", "
                        + dialect.now()
                        + ") ON CONFLICT (host, pid) DO UPDATE SET beat_at = excluded.beat_at,"
                        + " version = excluded.version, ended = 0");
            ps.setString(1, host);
            ps.setLong(2, pid);
            ps.setString(3, version);
            ps.executeUpdate();
          });
    }

    @Override
    public Set<Owner> deadOwners(Duration deadAfter) {
      return sql(
          () -> {
            PreparedStatement ps =
                prepared(
                    "SELECT DISTINCT l.host, l.pid FROM task_logs l LEFT JOIN runner_processes p"
                        + " ON p.host = l.host AND p.pid = l.pid WHERE l.status = 'running'"
                        + " AND (p.beat_at IS NULL OR p.ended = 1 OR p.beat_at < "
                        + dialect.secondsAgo()
                        + ")");
            ps.setLong(1, deadAfter.toSeconds());
            Set<Owner> dead = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                dead.add(new Owner(rs.getString("host"), rs.getLong("pid")));
              }
            }
            return dead;
          });
    }

    @Override
    public void enqueueRetry(PendingRetry retry) {
      sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "INSERT INTO retry_queue (task_name, scheduled_for, attempt, due_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
              ps.setString(1, retry.taskName());
              dialect.setInstant(ps, 2, retry.scheduledFor());
              ps.setInt(3, retry.attempt());
              dialect.setInstant(ps, 4, retry.dueAt());
              ps.executeUpdate();
            }
          });
    }

    @Override
    public List<PendingRetry> dueRetries(Instant now) {
      return retries("WHERE due_at <= ?", now);
    }

    @Override
    public List<PendingRetry> retries() {
      return retries("", null);
    }

    private List<PendingRetry> retries(String where, Instant arg) {
      return sql(
          () -> {
            List<PendingRetry> due = new ArrayList<>();
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "SELECT * FROM retry_queue " + where + " ORDER BY due_at, task_name")) {
              if (arg != null) {
                dialect.setInstant(ps, 1, arg);
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  due.add(
                      new PendingRetry(
                          rs.getString("task_name"),
                          dialect.instant(rs, "scheduled_for"),
                          rs.getInt("attempt"),
                          dialect.instant(rs, "due_at")));
                }
              }
            }
            return due;
          });
    }

    @Override
    public void removeRetry(PendingRetry retry) {
      sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "DELETE FROM retry_queue WHERE task_name = ? AND scheduled_for = ? AND attempt = ?")) {
              ps.setString(1, retry.taskName());
              dialect.setInstant(ps, 2, retry.scheduledFor());
              ps.setInt(3, retry.attempt());
              ps.executeUpdate();
            }
          });
    }

    @Override
    public Optional<RunRecord> lastOutcome(String task) {
      return query(
              "SELECT "
                  + COLUMNS
                  + " FROM task_logs WHERE task_name = ? AND final = 1"
                  + " AND status NOT IN ('running', 'skipped') ORDER BY id DESC LIMIT 1",
              List.of(task))
          .stream()
          .findFirst();
    }

    @Override
    public List<RunOutcome> latestOutcomes(String task, int limit) {
      return sql(
          () -> {
            // task_logs_task (task_name, id) read backwards: it stops after `limit` matches
            PreparedStatement ps =
                prepared(
                    "SELECT id, status, duration FROM task_logs WHERE task_name = ? AND final = 1"
                        + " AND status NOT IN ('running', 'skipped') ORDER BY id DESC LIMIT ?");
            ps.setString(1, task);
            ps.setInt(2, limit);
            List<RunOutcome> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                double duration = rs.getDouble("duration");
                Double boxedDuration = rs.wasNull() ? null : duration;
                out.add(
                    new RunOutcome(
                        rs.getLong("id"), RunStatus.fromDb(rs.getString("status")), boxedDuration));
              }
            }
            return out;
          });
    }

    @Override
    public boolean advanceWindow(String task, Instant from, Instant to) {
      return sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "UPDATE task_state SET window_next = ? WHERE task_name = ? AND window_next = ?")) {
              dialect.setInstant(ps, 1, to);
              ps.setString(2, task);
              dialect.setInstant(ps, 3, from);
              return ps.executeUpdate() == 1;
            }
          });
    }

    @Override
    public int attempts(String task, Instant scheduledFor) {
      return sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "SELECT count(*) FROM task_logs WHERE task_name = ? AND scheduled_for = ?")) {
              ps.setString(1, task);
              dialect.setInstant(ps, 2, scheduledFor);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            }
          });
    }

    @Override
    public long lastRunId(String task) {
      return query(
              "SELECT "
                  + COLUMNS
                  + " FROM task_logs WHERE task_name = ?"
                  + " AND status != 'skipped' ORDER BY id DESC LIMIT 1",
              List.of(task))
          .stream()
          .findFirst()
          .map(RunRecord::id)
          .orElse(0L);
    }

    @Override
    public void ensureState(String task, Instant now) {
      sql(
          () -> {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "INSERT INTO task_state (task_name, watermark, anchor) VALUES (?, ?, ?)"
                        + " ON CONFLICT (task_name) DO NOTHING")) {
              ps.setString(1, task);
              dialect.setInstant(ps, 2, now);
              dialect.setInstant(ps, 3, now);
              ps.executeUpdate();
            }
          });
    }
  }

  @Override
  public Set<Long> cancelRequested() {
    return ids(CANCEL_REQUESTED, List.of());
  }

  private static final String CANCEL_REQUESTED =
      "SELECT id FROM task_logs WHERE status = 'running' AND cancel_requested = 1";

  private synchronized Set<Long> ids(String sql, List<Object> args) {
    return sql(
        () -> {
          PreparedStatement ps = prepared(sql);
          bind(ps, args.toArray());
          Set<Long> ids = new LinkedHashSet<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
          return ids;
        });
  }

  @Override
  public List<RunRecord> newOrAmong(long afterId, Collection<Long> ids) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM task_logs WHERE id > ?");
    List<Object> args = new ArrayList<>(List.of(afterId));
    if (!ids.isEmpty()) {
      StringJoiner marks = new StringJoiner(", ", " OR id IN (", ")");
      for (long id : ids) {
        marks.add("?");
        args.add(id);
      }
      sql.append(marks);
    }
    return query(sql.append(" ORDER BY id").toString(), args);
  }

  @Override
  public boolean finish(long id, RunEnd run) {
    return inLightTransaction(tx -> tx.finish(id, run));
  }

  private record Beat(Instant at, String version, boolean ended) {}

  @Override
  public synchronized List<HostSeen> hosts(Duration deadAfter) {
    return sql(
        () -> {
          Instant now;
          Map<String, Long> running = new HashMap<>();
          Map<String, List<Beat>> beats = new java.util.TreeMap<>();
          try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT " + dialect.now() + " AS now")) {
              rs.next();
              now = dialect.instant(rs, "now");
            }
            try (ResultSet rs =
                statement.executeQuery(
                    "SELECT host, COUNT(*) AS n FROM task_logs WHERE status = 'running'"
                        + " GROUP BY host")) {
              while (rs.next()) {
                running.put(String.valueOf(rs.getString("host")), rs.getLong("n"));
                beats.putIfAbsent(String.valueOf(rs.getString("host")), new ArrayList<>());
              }
            }
            try (ResultSet rs =
                statement.executeQuery(
                    "SELECT host, version, beat_at, ended FROM runner_processes")) {
              while (rs.next()) {
                beats
                    .computeIfAbsent(rs.getString("host"), h -> new ArrayList<>())
                    .add(
                        new Beat(
                            dialect.instant(rs, "beat_at"),
                            rs.getString("version"),
                            rs.getInt("ended") == 1));
              }
            }
          }
          List<HostSeen> out = new ArrayList<>();
          for (Map.Entry<String, List<Beat>> host : beats.entrySet()) {
            Instant last = null;
            String version = null;
            int live = 0;
            for (Beat beat : host.getValue()) {
              if (last == null || beat.at().isAfter(last)) {
                last = beat.at();
                version = beat.version();
              }
              if (!beat.ended() && !beat.at().isBefore(now.minus(deadAfter))) {
                live++;
              }
            }
            out.add(
                new HostSeen(
                    host.getKey(),
                    last,
                    last == null ? null : Duration.between(last, now),
                    live,
                    version,
                    running.getOrDefault(host.getKey(), 0L)));
          }
          return out;
        });
  }

  @Override
  public long pruneProcesses(Duration silent) {
    return light(
        "DELETE FROM runner_processes WHERE beat_at < " + dialect.secondsAgo(), silent.toSeconds());
  }

  @Override
  public void endBeat(String host, long pid) {
    light("UPDATE runner_processes SET ended = 1 WHERE host = ? AND pid = ?", host, pid);
  }

  @Override
  public void beat(String host, long pid, String version) {
    inLightTransaction(
        tx -> {
          tx.beat(host, pid, version);
          return null;
        });
  }

  @Override
  public void markChild(long id, long pid, Instant started) {
    light("UPDATE task_logs SET child_pid = ?, child_started = ? WHERE id = ?", pid, started, id);
  }

  @Override
  public void enqueueRetry(PendingRetry retry) {
    inTransaction(
        tx -> {
          tx.enqueueRetry(retry);
          return null;
        });
  }

  @Override
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

  @Override
  public void setMessage(long id, String message) {
    light("UPDATE task_logs SET message = ? WHERE id = ?", message, id);
  }

  @Override
  public List<RunRecord> oldRows(Instant before, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM task_logs WHERE run_time < ? AND status != 'running'"
            + " ORDER BY id LIMIT ?",
        List.of(before, limit));
  }

  @Override
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

  private static final String TOKEN_COLUMNS = "name, scope, token_hash, created_at, last_used_at";

  @Override
  public boolean addToken(WebToken token) {
    return inTransaction(
        tx ->
            sql(
                () -> {
                  try (PreparedStatement ps =
                      connection.prepareStatement(
                          "INSERT INTO web_tokens ("
                              + TOKEN_COLUMNS
                              + ") VALUES (?, ?, ?, ?, ?)"
                              + " ON CONFLICT (name) DO NOTHING")) {
                    bind(
                        ps,
                        new Object[] {
                          token.name(), token.scope(), token.hash(), token.createdAt()
                        });
                    dialect.setInstant(ps, 5, token.lastUsedAt());
                    return ps.executeUpdate() == 1;
                  }
                }));
  }

  @Override
  public List<WebToken> tokens() {
    return tokens("SELECT " + TOKEN_COLUMNS + " FROM web_tokens ORDER BY name", List.of());
  }

  @Override
  public Optional<WebToken> tokenByHash(String hash) {
    return tokens(
            "SELECT " + TOKEN_COLUMNS + " FROM web_tokens WHERE token_hash = ?", List.of(hash))
        .stream()
        .findFirst();
  }

  private synchronized List<WebToken> tokens(String sql, List<Object> args) {
    return sql(
        () -> {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args.toArray());
            List<WebToken> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new WebToken(
                        rs.getString("name"),
                        rs.getString("scope"),
                        rs.getString("token_hash"),
                        dialect.instant(rs, "created_at"),
                        dialect.instant(rs, "last_used_at")));
              }
            }
            return rows;
          }
        });
  }

  @Override
  public boolean revokeToken(String name) {
    return inTransaction(
        tx ->
            sql(
                () -> {
                  try (PreparedStatement ps =
                      connection.prepareStatement("DELETE FROM web_tokens WHERE name = ?")) {
                    ps.setString(1, name);
                    return ps.executeUpdate() == 1;
                  }
                }));
  }

  @Override
  public void tokenUsed(String name, Instant at) {
    light("UPDATE web_tokens SET last_used_at = ? WHERE name = ?", at, name);
  }

  @Override
  public void audit(AuditEntry entry) {
    light(
        "INSERT INTO audit (at, who, source, action, target, outcome) VALUES (?, ?, ?, ?, ?, ?)",
        entry.at(),
        entry.who(),
        entry.from(),
        entry.action(),
        entry.target(),
        entry.outcome());
  }

  @Override
  public synchronized List<AuditEntry> audit(int limit, int offset) {
    return sql(
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT at, who, source, action, target, outcome FROM audit"
                      + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<AuditEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new AuditEntry(
                        dialect.instant(rs, "at"),
                        rs.getString("who"),
                        rs.getString("source"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getInt("outcome")));
              }
            }
            return rows;
          }
        });
  }

  @Override
  public long pruneAudit(Instant before) {
    return light("DELETE FROM audit WHERE at < ?", before);
  }

  @Override
  public synchronized long countAudit() {
    return sql(
        () -> {
          try (Statement statement = connection.createStatement()) {
            return count(statement, "audit");
          }
        });
  }

  @Override
  public synchronized double freeShare() {
    return sql(
        () -> {
          try (Statement statement = connection.createStatement()) {
            return dialect.freeShare(statement);
          }
        });
  }

  @Override
  public synchronized void vacuum() {
    sql(
        () -> {
          try (Statement statement = connection.createStatement()) {
            dialect.vacuum(statement);
          }
        });
  }

  @Override
  public synchronized long sizeOnDisk() {
    return sql(
        () -> {
          try (Statement statement = connection.createStatement()) {
            return dialect.sizeOnDisk(statement);
          }
        });
  }

  @Override
  public List<RunRecord> outcomesSince(String task, Instant since, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM task_logs WHERE run_time >= ? AND final = 1"
            + " AND status NOT IN ('running', 'skipped')"
            + (task == null ? "" : " AND task_name = ?")
            + " ORDER BY id DESC LIMIT ?",
        task == null ? List.of(since, limit) : List.of(since, task, limit));
  }

  @Override
  public Optional<RunRecord> find(long id) {
    return query("SELECT " + COLUMNS + " FROM task_logs WHERE id = ?", List.of(id)).stream()
        .findFirst();
  }

  @Override
  public Map<String, TaskState> states() {
    return inTransaction(Tx::states);
  }

  @Override
  public List<RunRecord> history(HistoryQuery q) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM task_logs");
    List<Object> args = new ArrayList<>();
    where(q, sql, args);
    sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
    args.add(q.limit());
    args.add(q.offset());
    return query(sql.toString(), args);
  }

  /**
   * Counts by their filters, while the database has not changed: the API pages a history of a
   * million rows, and its total would otherwise cost a scan of them on every page.
   */
  private final Map<HistoryQuery, Long> counts = new HashMap<>();

  private String countsStamp;

  private static final int COUNTS_KEPT = 64;

  @Override
  public synchronized long countHistory(HistoryQuery q) {
    HistoryQuery filters =
        new HistoryQuery(q.task(), q.statuses(), q.since(), 0, 0, q.until(), q.triggers());
    Optional<String> stamp =
        sql(
            () -> {
              try (Statement statement = connection.createStatement()) {
                return dialect.changeStamp(statement);
              }
            });
    if (stamp.isEmpty() || !stamp.get().equals(countsStamp) || counts.size() > COUNTS_KEPT) {
      counts.clear();
      countsStamp = stamp.orElse(null);
    }
    Long known = counts.get(filters);
    if (known != null) {
      return known;
    }
    long counted = count(q);
    if (stamp.isPresent()) {
      counts.put(filters, counted);
    }
    return counted;
  }

  private long count(HistoryQuery q) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM task_logs");
    List<Object> args = new ArrayList<>();
    where(q, sql, args);
    return sql(
        () -> {
          try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  /** The filters of a history query, the same for its page and its count. */
  private static void where(HistoryQuery q, StringBuilder sql, List<Object> args) {
    sql.append(" WHERE 1 = 1");
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
    if (q.triggers() != null && !q.triggers().isEmpty()) {
      StringJoiner marks = new StringJoiner(", ", " AND trigger IN (", ")");
      for (Trigger trigger : q.triggers()) {
        marks.add("?");
        args.add(trigger.dbName());
      }
      sql.append(marks);
    }
    if (q.since() != null) {
      sql.append(" AND run_time >= ?");
      args.add(q.since());
    }
    if (q.until() != null) {
      sql.append(" AND run_time < ?");
      args.add(q.until());
    }
  }

  private synchronized List<RunRecord> query(String sql, List<Object> args) {
    return sql(
        () -> {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args.toArray());
            List<RunRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(run(rs));
              }
            }
            return rows;
          }
        });
  }

  /** One statement in a light transaction of its own; how many rows it changed. */
  private long light(String sql, Object... args) {
    return inLightTransaction(
        tx ->
            sql(
                () -> {
                  PreparedStatement ps = prepared(sql);
                  bind(ps, args);
                  return (long) ps.executeUpdate();
                }));
  }

  private void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Instant instant) {
        dialect.setInstant(ps, i + 1, instant);
      } else {
        ps.setObject(i + 1, args[i]);
      }
    }
  }

  private RunRecord run(ResultSet rs) throws SQLException {
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
        dialect.instant(rs, "run_time"),
        boxedDuration,
        rs.getString("message"),
        dialect.instant(rs, "scheduled_for"),
        Trigger.fromDb(rs.getString("trigger")),
        rs.getInt("attempt"),
        dialect.instant(rs, "end_time"),
        dialect.instant(rs, "window_start"),
        dialect.instant(rs, "window_end"),
        rs.getString("host"),
        boxedPid,
        boxedChild,
        dialect.instant(rs, "child_started"),
        boxedUpstream,
        rs.getInt("final") == 1);
  }

  private TaskState state(ResultSet rs) throws SQLException {
    String last = rs.getString("last_status");
    long lastRun = rs.getLong("last_run_id");
    Long boxedLastRun = rs.wasNull() ? null : lastRun;
    return new TaskState(
        rs.getString("task_name"),
        dialect.instant(rs, "watermark"),
        dialect.instant(rs, "anchor"),
        rs.getLong("scheduled_runs"),
        rs.getLong("successes"),
        rs.getLong("failures"),
        last == null ? null : RunStatus.fromDb(last),
        boxedLastRun,
        rs.getString("quiet_reason"),
        dialect.instant(rs, "window_next"));
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
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

  /**
   * Copies every row of this store's history (runs, states, retries, tokens, audit, ids kept) into
   * {@code target}, in one transaction of the target's: all of it or, failing, nothing. Refused
   * unless the target holds none of it. Returns each table's rows as the target counts them once
   * written, in {@link Tables#HISTORY}'s order.
   */
  public synchronized Map<String, Long> copyInto(JdbcStore target) {
    synchronized (target) {
      Map<String, Long> held = target.counts();
      long rows = held.values().stream().mapToLong(Long::longValue).sum();
      if (rows > 0) {
        throw new StoreException(
            StoreException.Kind.INTERNAL,
            "the database "
                + target.dialect.name()
                + " is not empty ("
                + held
                + "); a move copies into an empty one only, so nothing was copied",
            null);
      }
      return target.transaction(
          tx ->
              sql(
                  () -> {
                    for (Tables.Table table : Tables.HISTORY) {
                      copy(table, target);
                    }
                    target.dialect.afterCopy(target.connection);
                    return target.counts();
                  }),
          true,
          true);
    }
  }

  private void copy(Tables.Table table, JdbcStore target) throws SQLException {
    List<String> names = table.columns().stream().map(Tables.Column::name).toList();
    String columns = String.join(", ", names);
    String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
    try (Statement select = connection.createStatement();
        ResultSet rs = select.executeQuery("SELECT " + columns + " FROM " + table.name());
        PreparedStatement insert =
            target.connection.prepareStatement(
                "INSERT INTO " + table.name() + " (" + columns + ") VALUES (" + marks + ")")) {
      int batch = 0;
      while (rs.next()) {
        for (int i = 0; i < names.size(); i++) {
          copyValue(rs, insert, i + 1, table.columns().get(i), target.dialect);
        }
        insert.addBatch();
        if (++batch == 1000) {
          insert.executeBatch();
          batch = 0;
        }
      }
      if (batch > 0) {
        insert.executeBatch();
      }
    }
  }

  private void copyValue(
      ResultSet rs, PreparedStatement insert, int index, Tables.Column column, Dialect into)
      throws SQLException {
    String name = column.name();
    switch (column.kind()) {
      case INSTANT -> into.setInstant(insert, index, dialect.instant(rs, name));
      case TEXT -> insert.setString(index, rs.getString(name));
      case DOUBLE -> {
        double value = rs.getDouble(name);
        if (rs.wasNull()) {
          insert.setNull(index, Types.DOUBLE);
        } else {
          insert.setDouble(index, value);
        }
      }
      case INT -> {
        int value = rs.getInt(name);
        if (rs.wasNull()) {
          insert.setNull(index, Types.INTEGER);
        } else {
          insert.setInt(index, value);
        }
      }
      case LONG -> {
        long value = rs.getLong(name);
        if (rs.wasNull()) {
          insert.setNull(index, Types.BIGINT);
        } else {
          insert.setLong(index, value);
        }
      }
    }
  }

  /** Each history table's row count, in {@link Tables#HISTORY}'s order. */
  public synchronized Map<String, Long> counts() {
    return sql(
        () -> {
          Map<String, Long> out = new LinkedHashMap<>();
          try (Statement statement = connection.createStatement()) {
            for (Tables.Table table : Tables.HISTORY) {
              out.put(table.name(), count(statement, table.name()));
            }
          }
          return out;
        });
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
