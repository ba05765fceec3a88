package dev.runner.store.sqlite;

import dev.runner.store.Instants;
import dev.runner.store.StoreException;
import dev.runner.store.StoreFailure;
import dev.runner.store.jdbc.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteException;

/**
 * SQLite's side of the SQL: {@code BEGIN IMMEDIATE}, instants as fixed-width text, {@code
 * last_insert_rowid()}, {@code PRAGMA user_version}, and its result codes told as the user's
 * environment (a full disk, a held lock, a damaged file).
 */
final class SqliteDialect implements Dialect {

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

  private final Path file;

  SqliteDialect(Path file) {
    this.file = file;
  }

  static int knownSchemaVersion() {
    return MIGRATIONS.size();
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void begin(Statement statement, boolean durable) throws SQLException {
    if (!durable) {
      statement.execute("PRAGMA synchronous = NORMAL");
    }
    statement.execute("BEGIN IMMEDIATE");
  }

  @Override
  public void end(Statement statement, boolean durable) throws SQLException {
    if (!durable) {
      statement.execute("PRAGMA synchronous = FULL");
    }
  }

  @Override
  public PreparedStatement prepareInsert(Connection connection, String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  @Override
  public Optional<Long> executeInsert(PreparedStatement insert) throws SQLException {
    if (insert.executeUpdate() == 0) {
      return Optional.empty();
    }
    try (Statement statement = insert.getConnection().createStatement();
        ResultSet rs = statement.executeQuery("SELECT last_insert_rowid()")) {
      return Optional.of(rs.getLong(1));
    }
  }

  @Override
  public void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    // text, so that text order is time order and one fire always has one spelling
    statement.setString(index, Instants.format(instant));
  }

  @Override
  public String now() {
    return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
  }

  @Override
  public String secondsAgo() {
    return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', (0 - ?) || ' seconds')";
  }

  @Override
  public Instant instant(ResultSet row, String column) throws SQLException {
    return Instants.parse(row.getString(column));
  }

  @Override
  public List<String> migrations() {
    return MIGRATIONS;
  }

  @Override
  public int schemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  /**
   * {@code data_version} moves when another connection commits, {@code total_changes()} when this
   * one writes: together they move on every change.
   */
  @Override
  public Optional<String> changeStamp(Statement statement) throws SQLException {
    long version;
    try (ResultSet rs = statement.executeQuery("PRAGMA data_version")) {
      version = rs.getLong(1);
    }
    try (ResultSet rs = statement.executeQuery("SELECT total_changes()")) {
      return Optional.of(version + ":" + rs.getLong(1));
    }
  }

  @Override
  public void setSchemaVersion(Statement statement, int version) throws SQLException {
    statement.execute("PRAGMA user_version = " + version);
  }

  @Override
  public List<String> integrity(Statement statement) throws SQLException {
    List<String> found = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check(20)")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  @Override
  public double freeShare(Statement statement) throws SQLException {
    long free = pragma(statement, "freelist_count");
    long pages = pragma(statement, "page_count");
    return pages == 0 ? 0 : (double) free / pages;
  }

  private static long pragma(Statement statement, String name) throws SQLException {
    try (ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
      return rs.getLong(1);
    }
  }

  @Override
  public void vacuum(Statement statement) throws SQLException {
    statement.execute("VACUUM");
  }

  @Override
  public long sizeOnDisk(Statement statement) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Override
  public StoreException failure(String message, Exception cause) {
    StoreException.Kind said = StoreException.Kind.INTERNAL;
    boolean ioError = cause instanceof java.io.IOException;
    if (cause instanceof SQLiteException sqlite) {
      String code = sqlite.getResultCode().name();
      said = kind(code);
      ioError = code.startsWith("SQLITE_IOERR");
    }
    return StoreFailure.of(file, message, cause, said, ioError);
  }

  private static StoreException.Kind kind(String code) {
    if (code.startsWith("SQLITE_FULL")) {
      return StoreException.Kind.DISK_FULL;
    }
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      return StoreException.Kind.LOCKED;
    }
    if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
      return StoreException.Kind.CORRUPT;
    }
    if (code.startsWith("SQLITE_READONLY")) {
      return StoreException.Kind.READ_ONLY;
    }
    if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM")) {
      return StoreException.Kind.NO_PERMISSION;
    }
    return StoreException.Kind.INTERNAL;
  }
}
