package dev.runner.cli.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code .env} that its group or others can read gives its secrets away, as ssh says of a private
 * key. {@code validate} says so every time; a tick, a run or the daemon once for each mode the file
 * is found in (remembered in {@code locks/env-mode}), since cron would mail it every minute.
 */
public final class EnvFileWarning {

  private final SaidOnce once;

  public EnvFileWarning(Path home) {
    this.once = new SaidOnce(home.resolve("locks").resolve("env-mode"));
  }

  /** The warning for {@code envFile}, when it has one: a missing file has none. */
  public static Optional<String> of(Path envFile) {
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(envFile);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
    String who;
    if (mode.contains(PosixFilePermission.OTHERS_READ)) {
      who = "others";
    } else if (mode.contains(PosixFilePermission.GROUP_READ)) {
      who = "its group";
    } else {
      return Optional.empty();
    }
    return Optional.of(
        envFile.getFileName()
            + " is readable by "
            + who
            + " (mode "
            + octal(mode)
            + "): chmod 600 "
            + envFile.toAbsolutePath());
  }

  /** Says the warning on {@code err} unless this very one was said last; forgets a fixed file. */
  public void sayOnce(Path envFile, PrintWriter err) {
    once.say(of(envFile).map(w -> Map.of(w, "runner: " + w)).orElse(Map.of()), err);
  }

  private static String octal(Set<PosixFilePermission> mode) {
    int bits = 0;
    for (PosixFilePermission permission : mode) {
      bits |= 1 << (8 - permission.ordinal());
    }
    return String.format("0%03o", bits);
  }
}
