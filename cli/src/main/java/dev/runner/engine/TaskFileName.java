package dev.runner.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The name a task's lock file and run-log folder go by. A short, plain name is used as it is, so
 * the files of homes made by earlier versions stay the same ones (two versions running side by side
 * during an upgrade must agree on a task's lock); a long or odd one (an old row, another host's
 * config) becomes a prefix and a hash, which no file system finds too long.
 */
public final class TaskFileName {

  private static final Pattern PLAIN = Pattern.compile("[a-z0-9_.-]{1,100}");

  private TaskFileName() {}

  public static String of(String task) {
    if (PLAIN.matcher(task).matches() && !task.startsWith(".")) {
      return task;
    }
    String prefix = task.replaceAll("[^a-z0-9_-]", "_");
    prefix = prefix.substring(0, Math.min(40, prefix.length()));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(task.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(prefix).append('~');
      for (int i = 0; i < 12; i++) {
        hex.append(String.format("%02x", hash[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
