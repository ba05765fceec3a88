package dev.runner.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;

/** The entry point. {@link #run} is what tests call; {@code main} only exits with its code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
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
    if (FastTick.answered(invocation, args)) {
      return ExitCode.OK;
    }
    CommandLine line = new CommandLine(new RunnerCommand(invocation));
    line.setOut(invocation.out());
    line.setErr(invocation.err());
    line.setExecutionExceptionHandler(new Failures(invocation));
    line.setParameterExceptionHandler(
        (ex, arguments) -> {
          invocation.err().println("runner: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, invocation.err());
          invocation.err().println("Try 'runner " + commandPath(ex.getCommandLine()) + "--help'.");
          return ExitCode.USAGE;
        });
    line.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            invocation.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    int code = line.execute(args);
    invocation.out().flush();
    invocation.err().flush();
    return code;
  }

  private static String commandPath(CommandLine line) {
    StringBuilder path = new StringBuilder();
    for (CommandLine c = line; c.getParent() != null; c = c.getParent()) {
      path.insert(0, c.getCommandName() + " ");
    }
    return path.toString();
  }
}
