package dev.runner.cli;

import dev.runner.cli.command.FastHistory;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** The entry point. {@link #run} is what tests call; {@code main} only exits with its code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Libraries that log through SLF4J (sqlite-jdbc) get its no-op provider: runner's own log is
    // a logback context of its own (TaskLog), and starting logback for them cost every command.
    System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "WARN");
    if (Runtime.version().feature() < 21) {
      // vfork starts a child without the helper process posix_spawn needs: half the cost of
      // each run's start on JDK 17. (Newer JDKs deprecate it; they keep their default.)
      System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Invocation invocation =
        new Invocation(
            out,
            err,
            System.getenv(),
            Path.of("").toAbsolutePath(),
            Clock.systemUTC(),
            System.console() != null);
    int code = run(invocation, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(Invocation invocation, String... args) {
    // The idle tick is answered here, before any class of the full command line is loaded.
    if (FastTick.answered(invocation, args)) {
      return ExitCode.OK;
    }
    // The most read command, answered without picocli when its arguments are plain.
    java.util.OptionalInt history = FastHistory.run(invocation, args);
    if (history.isPresent()) {
      return history.getAsInt();
    }
    return FullCommandLine.run(invocation, args);
  }
}
