package dev.runner.engine;

import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last full tick knew when it ended: nothing is due before {@code due}, and these files
 * (config, {@code .env}, database, plugins, the runner jar) and this environment were as they were.
 * A tick that finds all of that unchanged, no owner of a running row dead, and the clock between
 * then and {@code due} has nothing to do, and can say so without loading the config parser, the
 * database or the logging: that is the idle tick cron pays for 1,440 times a day.
 *
 * <p>Only JDK classes here (and {@link PrivateFiles}, JDK-only too, to write the record): the fast
 * path must not pull the rest of runner into the JVM.
 */
public final class IdleRecord {

  private static final String MAGIC = "runner-idle 2";

  /** A record vouches for a day at most: a full tick at least daily, whatever the schedules. */
  private static final long LONGEST_MILLIS = 24 * 60 * 60 * 1000L;

  private IdleRecord() {}

  /** Where a home keeps its record. */
  public static Path file(Path home) {
    return home.resolve("locks").resolve("idle");
  }

  /**
   * What a record is checked against: the config and {@code .env} files this invocation reads (the
   * record lists them first, then the other files it watches) and the process environment.
   */
  public record Inputs(Path config, Path envFile, Map<String, String> environment) {}

  /**
   * Writes the record: due instant, tasks with a live run (on this host), the inputs and {@code
   * watched} (database, plugins, the runner itself) as they are now.
   */
  public static void write(
      Path home, Inputs inputs, List<Path> watched, Instant written, Instant due, List<String> live)
      throws IOException {
    StringBuilder text = new StringBuilder(MAGIC).append('\n');
    text.append("env ").append(hash(inputs.environment())).append('\n');
    List<Path> files = new ArrayList<>(List.of(inputs.config(), inputs.envFile()));
    files.addAll(watched);
    Path code = runnerCode();
    files.add(code);
    if (code.getFileName() != null && code.getFileName().toString().endsWith(".jar")) {
      files.add(code.resolveSibling("runner-all.jar")); // the rest of runner, on its class path
    }
    for (Path file : files) {
      text.append("file ").append(stamp(file)).append(' ').append(file).append('\n');
    }
    long writtenMillis = written.toEpochMilli();
    long dueMillis =
        due.isBefore(written)
            ? writtenMillis
            : due.isAfter(written.plusMillis(LONGEST_MILLIS))
                ? writtenMillis + LONGEST_MILLIS
                : due.toEpochMilli();
    text.append("written ").append(writtenMillis).append('\n');
    text.append("due ").append(dueMillis).append('\n');
    for (String task : live) {
      text.append("live ").append(task).append('\n');
    }
    PrivateFiles.write(file(home), text.toString());
  }

  /** Forgets the record, so the next tick does the full work. */
  public static void clear(Path home) {
    try {
      Files.deleteIfExists(file(home));
    } catch (IOException ignored) {
      // a stale record fails its own checks anyway
    }
  }

  /**
   * Whether a tick at {@code now} in {@code home} has nothing to do: the record exists, every input
   * is unchanged, {@code now} lies in {@code [written, due)}, and every run it saw in progress
   * still has a live owner.
   */
  public static boolean idle(Path home, Inputs inputs, Instant now) {
    List<String> lines;
    // java.io rather than Files.readAllLines: the channel classes behind the latter are not in
    // the JDK's class-data archive, and loading them is a measurable part of an idle tick.
    try (java.io.FileInputStream in = new java.io.FileInputStream(file(home).toFile())) {
      lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      return false;
    }
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      return false;
    }
    int fileIndex = 0;
    long written = -1;
    long due = -1;
    List<String> live = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int space = line.indexOf(' ');
      if (space < 0) {
        return false;
      }
      String key = line.substring(0, space);
      String value = line.substring(space + 1);
      switch (key) {
        case "env" -> {
          if (!value.equals(Long.toString(hash(inputs.environment())))) {
            return false;
          }
        }
        case "file" -> {
          int split = value.indexOf(' ');
          Path path = Path.of(value.substring(split + 1));
          boolean expected =
              switch (fileIndex++) {
                case 0 -> path.equals(inputs.config());
                case 1 -> path.equals(inputs.envFile());
                default -> true;
              };
          if (split < 0 || !expected || !value.substring(0, split).equals(stamp(path))) {
            return false;
          }
        }
        case "written" -> written = Long.parseLong(value);
        case "due" -> due = Long.parseLong(value);
        case "live" -> live.add(value);
        default -> {
          return false;
        }
      }
    }
    long nowMillis = now.toEpochMilli();
    if (fileIndex < 2 || written < 0 || nowMillis < written || nowMillis >= due) {
      return false;
    }
    for (String task : live) {
      if (!ownerAlive(home, task)) {
        return false; // a crashed run: the full tick marks it
      }
    }
    return true;
  }

  /** The jar (or classes folder) runner runs from: an upgrade is a change like any other. */
  private static Path runnerCode() {
    try {
      return Path.of(IdleRecord.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      return Path.of("runner");
    }
  }

  /** As {@link TaskLocks#ownerAlive}, without the rest of the engine. */
  private static boolean ownerAlive(Path home, String task) {
    Path lock = TaskFiles.lock(home.resolve("locks"), task);
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      FileLock probe = channel.tryLock(0, Long.MAX_VALUE, false);
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return true; // this very JVM owns the run
    } catch (IOException e) {
      return false;
    }
  }

  /** Size and modification time, or "absent": what tells a changed file from an unchanged one. */
  private static String stamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.size()
          + ":"
          + attributes.lastModifiedTime().toInstant().toEpochMilli()
          + "."
          + attributes.lastModifiedTime().toInstant().getNano() % 1_000_000;
    } catch (NoSuchFileException e) {
      return "absent";
    } catch (IOException e) {
      return "unreadable:" + System.nanoTime();
    }
  }

  /**
   * Variables a shell changes from one command to the next ({@code _} is the last command run), and
   * the launcher's: they cannot matter to a schedule, and counting them would make every
   * interactive tick full.
   */
  private static final java.util.Set<String> VOLATILE =
      java.util.Set.of(
          "_",
          "OLDPWD",
          "PWD",
          "SHLVL",
          "COLUMNS",
          "LINES",
          "TERM",
          "WINDOWID",
          // the launcher's own settings: how runner starts, not what it schedules
          "RUNNER_JAR",
          "RUNNER_CDS",
          "RUNNER_JAVA_OPTS",
          "RUNNER_LAUNCHER",
          "JAVA_HOME");

  private static long hash(Map<String, String> environment) {
    long hash = 1125899906842597L;
    for (Map.Entry<String, String> entry : new TreeMap<>(environment).entrySet()) {
      if (VOLATILE.contains(entry.getKey()) || entry.getKey().startsWith("SSH_")) {
        continue;
      }
      for (String part : new String[] {entry.getKey(), "=", entry.getValue(), "\n"}) {
        for (int i = 0; i < part.length(); i++) {
          hash = 31 * hash + part.charAt(i);
        }
      }
    }
    return hash;
  }
}
