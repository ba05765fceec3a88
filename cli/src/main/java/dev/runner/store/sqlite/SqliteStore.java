package dev.runner.store.sqlite;

import dev.runner.store.PrivateFiles;
import dev.runner.store.StoreException;
import dev.runner.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * The store in one SQLite file beside the home, in WAL mode with full sync; the driver's native
 * library kept in the home (see {@link SqliteNative}).
 */
public final class SqliteStore extends JdbcStore {

  private SqliteStore(Connection connection, SqliteDialect dialect) {
    super(connection, dialect);
  }

  /** Opens (creating with owner-only permissions if needed) and migrates the database. */
  public static SqliteStore connect(Path file) {
    SqliteDialect dialect = new SqliteDialect(file);
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
        useWal(statement);
        // a claim must survive power loss; there are only a few commits a minute
        statement.execute("PRAGMA synchronous = FULL");
      }
      SqliteStore store = new SqliteStore(connection, dialect);
      store.migrate();
      return store;
    } catch (SQLException | IOException e) {
      throw dialect.failure("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * WAL mode, which the file keeps once set. Setting it on a new file takes a lock SQLite does not
   * wait for (the busy timeout is not asked), so a second process opening the same new file at that
   * instant (a tick and runner web started together) tries again for as long as the busy timeout.
   */
  private static void useWal(Statement statement) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        statement.execute("PRAGMA journal_mode = WAL");
        return;
      } catch (SQLiteException e) {
        if (e.getResultCode() != SQLiteErrorCode.SQLITE_BUSY || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while opening the database", e);
      }
    }
  }

  /**
   * Opens the database of {@code home}, refusing one that is lost (see {@link LostDatabase}): how
   * every command that uses a home's database opens it.
   */
  public static SqliteStore connect(Path file, Path home, Path logDir) {
    new LostDatabase(home, file, logDir).check();
    return connect(file);
  }

  /**
   * Opens the database only to read it, changing nothing (no file made, no migration): for a home
   * on a read-only disk, whose history is still worth showing, and for {@code runner db check}.
   */
  public static SqliteStore connectReadOnly(Path file) {
    SqliteDialect dialect = new SqliteDialect(file);
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
      int version = dialect.schemaVersion(connection);
      if (version != knownSchemaVersion()) {
        connection.close();
        throw new SQLException(
            "the database has schema version "
                + version
                + " and this runner reads version "
                + knownSchemaVersion()
                + "; it cannot be migrated while read-only");
      }
      return new SqliteStore(connection, dialect);
    } catch (SQLException | IOException e) {
      throw dialect.failure("cannot read the database " + file + ": " + e.getMessage(), e);
    }
  }

  /** The schema version this runner writes. */
  public static int knownSchemaVersion() {
    return SqliteDialect.knownSchemaVersion();
  }

  /**
   * {@code PRAGMA synchronous} as this store's connection has it (2 is FULL). The setting belongs
   * to the connection, so no other connection can tell; the tests read it here.
   */
  public synchronized int synchronous() {
    try (Statement statement = connection().createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA synchronous")) {
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new StoreException("PRAGMA synchronous: " + e.getMessage(), e);
    }
  }
}
