package dev.runner.store.jdbc;

import dev.runner.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the databases {@link JdbcStore} speaks to: how a write transaction takes the
 * lock, how an instant is stored, how an inserted row's id comes back, where the schema version is
 * kept, and the housekeeping (integrity, free space, vacuum, size). The rest of the SQL is the
 * subset both SQLite and PostgreSQL read the same way, {@code INSERT … ON CONFLICT} included.
 */
public interface Dialect {

  /** The database as the user knows it (a file's path), for messages. */
  String name();

  /**
   * Starts a write transaction holding the write lock from its first statement, so two claims of
   * one fire are ordered. A light one ({@code durable} false) may skip the flush at commit.
   */
  void begin(Statement statement, boolean durable) throws SQLException;

  /** Undoes what {@link #begin} set for the connection, once the transaction is over. */
  void end(Statement statement, boolean durable) throws SQLException;

  /** Prepares an {@code INSERT … ON CONFLICT DO NOTHING} whose new row's id is wanted. */
  PreparedStatement prepareInsert(Connection connection, String sql) throws SQLException;

  /** Runs such an insert: the new row's id, or empty when the conflict left the table as it was. */
  Optional<Long> executeInsert(PreparedStatement insert) throws SQLException;

  void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

  /** The database's own clock as a stored instant: hosts whose clocks disagree agree on it. */
  String now();

  /** {@link #now} less a whole number of seconds, given as the expression's one parameter. */
  String secondsAgo();

  Instant instant(ResultSet row, String column) throws SQLException;

  /** The migrations, in order, as resources beside the dialect's class. */
  List<String> migrations();

  int schemaVersion(Connection connection) throws SQLException;

  /** Records the schema version, inside the migration's transaction. */
  void setSchemaVersion(Statement statement, int version) throws SQLException;

  /**
   * A value that differs whenever the database has changed since it was last read (by this
   * connection or another), or empty when the database cannot tell: what lets a long-lived reader
   * keep a count it has made instead of counting a million rows again.
   */
  Optional<String> changeStamp(Statement statement) throws SQLException;

  /** The database's own integrity check: {@code ["ok"]} or what is wrong. */
  List<String> integrity(Statement statement) throws SQLException;

  /** The share of the database's space that is free, 0 to 1. */
  double freeShare(Statement statement) throws SQLException;

  void vacuum(Statement statement) throws SQLException;

  long sizeOnDisk(Statement statement) throws SQLException;

  /**
   * After rows were copied in with their ids: the database's numbering goes on after the highest,
   * so the next run does not take an id a copied one has.
   */
  default void afterCopy(Connection connection) throws SQLException {}

  /** What the database said, as the kind of failure the user can act on. */
  StoreException failure(String message, Exception cause);
}
