package dev.runner.store.postgres;

import dev.runner.store.jdbc.JdbcStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The store in a PostgreSQL database that several hosts share: the same tables and meaning as the
 * SQLite file, one connection per process (its use is serialised by {@link JdbcStore}, as SQLite's
 * is), and migrations of its own.
 */
public final class PostgresStore extends JdbcStore {

  /** How long a statement may wait for a row or advisory lock before the store says so. */
  private static final int LOCK_TIMEOUT_MS = 10_000;

  private PostgresStore(Connection connection, PostgresDialect dialect, Reconnect reconnect) {
    super(connection, dialect, reconnect);
  }

  /**
   * Connects to the database and brings its schema up to this runner's. A connection the server
   * drops (a restart, a failover) is opened again by the next call.
   */
  public static PostgresStore connect(PostgresUrl url, String password) {
    PostgresDialect dialect = new PostgresDialect(url.display());
    try {
      Reconnect open = () -> open(url, password);
      PostgresStore store = new PostgresStore(open.open(), dialect, open);
      store.migrate();
      return store;
    } catch (SQLException | IOException e) {
      throw dialect.failure("cannot open the database " + url.display() + ": " + e.getMessage(), e);
    }
  }

  private static Connection open(PostgresUrl url, String password) throws SQLException {
    Properties properties = url.properties();
    if (password != null) {
      properties.setProperty("password", password);
    }
    // the driver itself: DriverManager would scan the class path for every driver first
    Connection connection = new org.postgresql.Driver().connect(url.jdbc(), properties);
    if (connection == null) {
      throw new SQLException("the driver did not take " + url.display());
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET lock_timeout = " + LOCK_TIMEOUT_MS);
      statement.execute("SET TIME ZONE 'UTC'");
    }
    return connection;
  }

  /** The schema version this runner writes. */
  public static int knownSchemaVersion() {
    return PostgresDialect.knownSchemaVersion();
  }
}
