package dev.runner.store.postgres;

import dev.runner.store.StoreException;
import dev.runner.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's side of the SQL: a write transaction takes one transaction-scoped advisory lock, so
 * write transactions from every host are ordered as SQLite's {@code BEGIN IMMEDIATE} orders those
 * of one host; instants as {@code timestamptz} at SQLite's millisecond precision; an inserted row's
 * id by {@code RETURNING}; the schema version in a table of its own; SQLSTATEs told as what the
 * user can act on.
 */
final class PostgresDialect implements Dialect {

  private static final List<String> MIGRATIONS =
      List.of(
          "V1__init.sql",
          "V2__retry_queue.sql",
          "V3__final_attempts.sql",
          "V4__windows.sql",
          "V5__web_access.sql",
          "V6__cancel.sql",
          "V7__status_index.sql",
          "V8__processes.sql",
          "V9__process_end.sql");

  /** The advisory lock every write transaction holds: "runner" in ASCII, out of others' way. */
  static final long WRITE_LOCK = 0x72756e6e6572L;

  private final String name;

  /** {@code name}: the database as the user wrote it, without a password. */
  PostgresDialect(String name) {
    this.name = name;
  }

  static int knownSchemaVersion() {
    return MIGRATIONS.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void begin(Statement statement, boolean durable) throws SQLException {
    statement.execute("BEGIN");
    if (!durable) {
      // an outcome a later claim will flush anyway, as SQLite's synchronous = NORMAL
      statement.execute("SET LOCAL synchronous_commit = off");
    }
    statement.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
  }

  @Override
  public void end(Statement statement, boolean durable) {
    // SET LOCAL and the advisory lock end with the transaction
  }

  @Override
  public PreparedStatement prepareInsert(Connection connection, String sql) throws SQLException {
    return connection.prepareStatement(sql + " RETURNING id");
  }

  @Override
  public Optional<Long> executeInsert(PreparedStatement insert) throws SQLException {
    try (ResultSet rs = insert.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  @Override
  public void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      // milliseconds, as SQLite keeps them: one fire has one value on either store
      statement.setObject(
          index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
    }
  }

  /** The time of the statement, not of its transaction ({@code now()}), which may be long open. */
  @Override
  public String now() {
    return "clock_timestamp()";
  }

  @Override
  public String secondsAgo() {
    return "clock_timestamp() - make_interval(secs => ?)";
  }

  @Override
  public Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @Override
  public List<String> migrations() {
    return MIGRATIONS;
  }

  @Override
  public int schemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // the catalog read as a table, not to_regclass: after waiting on an advisory lock a backend
      // has not yet taken in other sessions' DDL, and its cache still says "no such table"
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = 'runner_schema'"
                  + " AND schemaname = current_schema()")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return 0;
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM runner_schema")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  @Override
  public void setSchemaVersion(Statement statement, int version) throws SQLException {
    statement.execute("CREATE TABLE IF NOT EXISTS runner_schema (version INTEGER NOT NULL)");
    statement.execute("DELETE FROM runner_schema");
    statement.execute("INSERT INTO runner_schema (version) VALUES (" + version + ")");
  }

  /** An identity column's sequence does not see ids written by hand: it is moved past them. */
  @Override
  public void afterCopy(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : List.of("task_logs", "audit")) {
        statement.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + table
                + "', 'id'), COALESCE((SELECT MAX(id) FROM "
                + table
                + "), 0) + 1, false)");
      }
    }
  }

  /**
   * The write-ahead log's position: every write of any session moves it before it commits, so an
   * unchanged position means nothing was written since (other databases' writes and the server's
   * own housekeeping move it too, which only makes a count be made again).
   */
  @Override
  public Optional<String> changeStamp(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
      rs.next();
      return Optional.of(rs.getString(1));
    }
  }

  /** Pages are checked by the server itself as it reads them; that it answers is what is asked. */
  @Override
  public List<String> integrity(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT 1")) {
      rs.next();
      return List.of("ok");
    }
  }

  /** Autovacuum reclaims dead rows as it goes; there is no free share to act on. */
  @Override
  public double freeShare(Statement statement) {
    return 0;
  }

  @Override
  public void vacuum(Statement statement) throws SQLException {
    statement.execute("VACUUM");
  }

  @Override
  public long sizeOnDisk(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public StoreException failure(String message, Exception cause) {
    String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
    StoreException.Kind kind = kind(state);
    if (kind == StoreException.Kind.INTERNAL && unreachable(cause)) {
      kind = StoreException.Kind.UNAVAILABLE;
    }
    return new StoreException(kind, message, cause, hint(kind));
  }

  /** The kinds' hints speak of a SQLite file; a server's causes are elsewhere. */
  private static String hint(StoreException.Kind kind) {
    switch (kind) {
      case DISK_FULL:
        return "the database server's disk is full: free space there (its administrator)";
      case LOCKED:
        return "another session held a lock for over 10 s: a long transaction on the server?"
            + " its pg_stat_activity view names it";
      case CORRUPT:
        return "the server reports damaged data: its log says where; restore from a backup";
      case READ_ONLY:
        return "the server takes no writes (a standby?): point RUNNER_DB at the primary";
      case NO_PERMISSION:
        return "the server refused this user: check RUNNER_DB's user and RUNNER_DB_PASSWORD"
            + " in .env, and that the user may use the database";
      default:
        return null;
    }
  }

  /** A refused or broken connection, which the driver reports without a SQLSTATE of its own. */
  private static boolean unreachable(Throwable cause) {
    for (Throwable at = cause; at != null; at = at.getCause()) {
      if (at instanceof java.net.SocketException || at instanceof java.io.EOFException) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE classes: PostgreSQL's Appendix A. */
  static StoreException.Kind kind(String state) {
    if (state == null) {
      return StoreException.Kind.INTERNAL;
    }
    // connection exceptions, and a server shutting down or starting up
    if (state.startsWith("08") || state.startsWith("57P")) {
      return StoreException.Kind.UNAVAILABLE;
    }
    if (state.equals("53100")) {
      return StoreException.Kind.DISK_FULL;
    }
    if (state.equals("55P03") || state.equals("40P01")) {
      return StoreException.Kind.LOCKED;
    }
    if (state.equals("XX001") || state.equals("XX002")) {
      return StoreException.Kind.CORRUPT;
    }
    if (state.equals("25006")) {
      return StoreException.Kind.READ_ONLY;
    }
    if (state.startsWith("28") || state.equals("42501")) {
      return StoreException.Kind.NO_PERMISSION;
    }
    return StoreException.Kind.INTERNAL;
  }
}
