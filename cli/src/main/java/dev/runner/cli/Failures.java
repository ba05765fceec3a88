package dev.runner.cli;

import dev.runner.config.InvalidConfigException;
import dev.runner.config.Problem;
import dev.runner.engine.BusyException;
import dev.runner.engine.TaskLog;
import dev.runner.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Maps what a command throws to one line on stderr and an exit code, in one place. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  private final Invocation invocation;

  Failures(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine line, CommandLine.ParseResult parseResult) {
    PrintWriter err = invocation.err();
    if (ex instanceof InvalidConfigException invalid) {
      printProblems(invalid, err);
      return ExitCode.USAGE;
    }
    if (ex instanceof UsageException) {
      err.println("runner: " + ex.getMessage());
      return ExitCode.USAGE;
    }
    if (ex instanceof BusyException) {
      err.println("runner: " + ex.getMessage());
      return ExitCode.BUSY;
    }
    RunnerCommand root =
        line.getCommandSpec().root().userObject() instanceof RunnerCommand r ? r : null;
    if (ex instanceof StoreException store) {
      err.println("runner: " + store.getMessage());
      if (store.kind() == StoreException.Kind.INTERNAL) {
        return ExitCode.INTERNAL;
      }
      err.println("  hint: " + store.kind().hint());
      return ExitCode.ENVIRONMENT;
    }
    err.println("runner: internal error: " + ex + " (the stack trace is in logs/task.log)");
    if (root != null) {
      if (root.stacktrace) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.print(trace);
      }
      try {
        TaskLog log = new TaskLog(root.home().dir().resolve("logs"), 7);
        log.error(
            "internal error in `runner " + String.join(" ", parseResult.originalArgs()) + "`", ex);
      } catch (RuntimeException ignored) {
        // the log is best effort; the message above already went out
      }
    }
    return ExitCode.INTERNAL;
  }

  static void printProblems(InvalidConfigException invalid, PrintWriter err) {
    for (Problem problem : invalid.problems()) {
      err.println(problem);
    }
    err.println("runner: " + invalid.getMessage() + "; nothing was run or changed");
  }
}
