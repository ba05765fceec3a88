package dev.runner.store.sqlite;

import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc unpacks its native library into a temporary file on every start; this keeps one copy
 * per version in the home's {@code .runner/} folder and points the driver at it, which saves each
 * command that reads the database about a tenth of a second.
 */
final class SqliteNative {

  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  private SqliteNative() {}

  /** Sets the driver up to load the kept copy (made if missing); does nothing it cannot do. */
  static void keepIn(Path folder) {
    if (System.getProperty(PATH) != null) {
      return; // set by the user, or by an earlier database this process opened
    }
    try {
      String name = System.mapLibraryName("sqlitejdbc");
      // Keyed by what the JVM says of the platform: the driver's own OSInfo runs `uname` to tell
      // Android, which costs a process start. A copy that will not load (glibc and musl sharing a
      // home) makes the driver unpack its own, as it would without this.
      String platform =
          (System.getProperty("os.name") + "-" + System.getProperty("os.arch"))
              .replaceAll("[^A-Za-z0-9_.-]", "_");
      Path target =
          folder.resolve("sqlite-" + SQLiteJDBCLoader.getVersion()).resolve(platform).resolve(name);
      if (!Files.isRegularFile(target)) {
        String resource =
            "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
          if (in == null) {
            return; // not a platform with a bundled library: the driver finds its own way
          }
          PrivateFiles.copy(in, target);
        }
      }
      System.setProperty(PATH, target.getParent().toString());
      System.setProperty(NAME, name);
    } catch (IOException | RuntimeException e) {
      // the driver's own unpacking still works
    }
  }
}
