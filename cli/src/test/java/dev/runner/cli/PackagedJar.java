package dev.runner.cli;

import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The packaged jar, started as a real process against a home. */
public final class PackagedJar {

  public static final Path JAR = Path.of(System.getProperty("runner.jar", "target/runner.jar"));

  final Path home;

  /** Where the commands' stdout and stderr go: not the home when a test fills its disk. */
  private final Path scratch;

  /** Added to each process's environment, as Docker's -e or systemd's Environment= would be. */
  final Map<String, String> env = new HashMap<>();

  /** Options for the JVM, before {@code -jar}: {@code -Xlog:class+load} to see what loads. */
  final List<String> jvm = new ArrayList<>();

  PackagedJar(Path home) {
    this(home, home);
  }

  PackagedJar(Path home, Path scratch) {
    this.home = home;
    this.scratch = scratch;
  }

  Process start(String... args) throws IOException {
    return start(scratch.resolve("out-" + System.nanoTime() + ".txt"), args);
  }

  /** Starts it with its stdout going to {@code stdout}. */
  Process start(Path stdout, String... args) throws IOException {
    return start(stdout, scratch.resolve("err-" + System.nanoTime() + ".txt"), args);
  }

  Process start(Path stdout, Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvm);
    command.addAll(List.of("-jar", JAR.toString(), "--home", home.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("RUNNER_TIMEZONE", "UTC");
    builder.environment().remove("RUNNER_HOME");
    builder.environment().putAll(env);
    builder.redirectOutput(stdout.toFile());
    builder.redirectError(stderr.toFile());
    return builder.start();
  }

  /** What a finished command did. */
  record Ran(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  /** Runs to the end; its exit code and what it printed. */
  Ran exec(String... args) throws Exception {
    Path out = scratch.resolve("out-" + System.nanoTime() + ".txt");
    Path err = scratch.resolve("err-" + System.nanoTime() + ".txt");
    Process process = start(out, err, args);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("runner " + String.join(" ", args) + " did not end in 60 s");
    }
    Ran ran =
        new Ran(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return ran;
  }

  /** Runs to the end; returns the exit code. */
  int run(String... args) throws Exception {
    Process process = start(args);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("runner " + String.join(" ", args) + " did not end in 60 s");
    }
    return process.exitValue();
  }

  /** The task's history rows, newest first, read from the home's database. */
  List<RunRecord> rows(String task) {
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      return store.history(new HistoryQuery(task, Set.of(), null, 100, 0));
    }
  }

  /** Whether the task has a row with this status (false before the database exists). */
  boolean hasStatus(String task, RunStatus status) {
    return Files.exists(home.resolve("task_log.db"))
        && rows(task).stream().anyMatch(r -> r.status() == status);
  }

  void config(String json) throws IOException {
    Files.writeString(home.resolve("tasks_config.json"), json, StandardCharsets.UTF_8);
  }

  /**
   * Waits for something another process does (a row appearing, a child ending). This is not waiting
   * for time to pass: the condition is checked often and the deadline only bounds a failure.
   */
  static void awaitTrue(String what, Duration deadline, BooleanSupplier condition)
      throws InterruptedException {
    Instant end = Instant.now().plus(deadline);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
