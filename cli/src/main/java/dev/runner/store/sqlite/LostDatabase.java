package dev.runner.store.sqlite;

import dev.runner.store.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a lost database from a new home. SQLite makes a new database wherever the file is missing
 * or empty, and a home would then carry on as if new: its history and task state gone, its {@code
 * every} tasks run again at first sight. A home that has run before leaves files that say so, and
 * those refuse such a database until it is restored or started over on purpose.
 */
public record LostDatabase(Path home, Path database, Path logDir) {

  /** The home's files that show it has run before; empty for a home that never has. */
  public List<String> evidence() {
    List<String> found = new ArrayList<>();
    Path locks = home.resolve("locks");
    for (String record : List.of("idle", "pruned")) {
      if (Files.exists(locks.resolve(record))) {
        found.add("locks/" + record);
      }
    }
    if (any(locks, "*.lock", "daemon.lock")) {
      found.add("locks/*.lock");
    }
    if (any(home.resolve("journal"), "*.json", null)) {
      found.add("journal/");
    }
    if (any(logDir.resolve("runs"), "*", null)) {
      found.add("logs/runs/");
    }
    return found;
  }

  /** Whether the database is missing or empty, in a home that has run before. */
  public boolean lost() {
    try {
      return (!Files.exists(database) || Files.size(database) == 0) && !evidence().isEmpty();
    } catch (IOException e) {
      return false; // unreadable: SQLite says why when it opens it
    }
  }

  /** Throws when {@link #lost}, saying what shows the home ran and what to do. */
  public void check() {
    if (lost()) {
      throw new StoreException(
          StoreException.Kind.LOST,
          "the database "
              + database
              + (Files.exists(database) ? " is empty" : " is missing")
              + " but this home has run before ("
              + String.join(", ", evidence())
              + "); nothing was run or changed",
          null);
    }
  }

  private static boolean any(Path dir, String glob, String except) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      for (Path entry : entries) {
        if (except == null || !entry.getFileName().toString().equals(except)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
