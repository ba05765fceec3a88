package dev.runner.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a task's lock file and run logs are. A short, plain name is used as it is, so the files of
 * homes made by earlier versions stay the same ones (two versions running side by side during an
 * upgrade must agree on a task's lock); a long or odd one (an old row, another host's config)
 * becomes a prefix and a hash, which no file system finds too long. Part of the idle fast path's
 * entry jar: a plain name is recognised without a regular expression.
 */
public final class TaskFiles {

  private static final int LONGEST_PLAIN = 100;

  private TaskFiles() {}

  /** The task's lock file in {@code locks}. */
  public static Path lock(Path locks, String task) {
    return locks.resolve(name(task) + ".lock");
  }

  /** The output of run {@code id} under the log folder. */
  public static Path runLog(Path logDir, String task, long id) {
    return logDir.resolve("runs").resolve(name(task)).resolve(id + ".log");
  }

  static String name(String task) {
    if (plain(task)) {
      return task;
    }
    String prefix = task.replaceAll("[^a-z0-9_-]", "_");
    prefix = prefix.substring(0, Math.min(40, prefix.length()));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(task.getBytes(StandardCharsets.UTF_8));
      return prefix + '~' + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean plain(String task) {
    if (task.isEmpty() || task.length() > LONGEST_PLAIN || task.charAt(0) == '.') {
      return false;
    }
    for (int i = 0; i < task.length(); i++) {
      char c = task.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
