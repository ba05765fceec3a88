package dev.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process against a home folder, capturing both streams. */
public final class Cli {

  final Path home;
  public final Map<String, String> env = new HashMap<>();
  public Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  boolean terminal;

  public Cli(Path home) {
    this.home = home;
    env.put("PATH", System.getenv("PATH"));
    env.put("RUNNER_TIMEZONE", "UTC");
  }

  Cli config(String json) throws IOException {
    Files.writeString(home.resolve("tasks_config.json"), json, StandardCharsets.UTF_8);
    return this;
  }

  /** Writes {@code .env} owner-only, as it should be (runner points out one others can read). */
  Cli dotenv(String text) throws IOException {
    Path file = home.resolve(".env");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return this;
  }

  Cli at(String instant) {
    clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    return this;
  }

  /** An invocation on this home that prints nowhere. */
  public Invocation invocation() {
    PrintWriter nowhere = new PrintWriter(java.io.Writer.nullWriter());
    return new Invocation(nowhere, nowhere, env, home, clock, terminal);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Invocation invocation =
        new Invocation(new PrintWriter(out), new PrintWriter(err), env, home, clock, terminal);
    int code = Main.run(invocation, args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The rows {@code history --json FILTERS} prints, newest first; fails unless it exits 0. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> history(String... filters) throws IOException {
    String[] args = new String[filters.length + 2];
    args[0] = "history";
    args[1] = "--json";
    System.arraycopy(filters, 0, args, 2, filters.length);
    Result result = run(args);
    if (result.code() != 0) {
      throw new AssertionError(result.toString());
    }
    return new ObjectMapper().readValue(result.out(), List.class);
  }

  /**
   * Leaves the journal file a run's runner makes when it starts the run, for tests that plant a
   * {@code running} row of a runner that died during the run.
   */
  static void markStarted(Path home, long runId) throws IOException {
    Files.createDirectories(home.resolve("journal"));
    Files.writeString(home.resolve("journal").resolve(runId + ".json"), "");
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
