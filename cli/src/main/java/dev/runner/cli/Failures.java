package dev.runner.cli;

import dev.runner.config.InvalidConfigException;
import dev.runner.config.Problem;
import dev.runner.engine.BusyException;
import dev.runner.engine.ElsewhereException;
import dev.runner.engine.TaskLog;
import dev.runner.store.StoreException;
import dev.runner.store.StoreFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
    if (ex instanceof ElsewhereException) {
      err.println("runner: " + ex.getMessage());
      return ExitCode.USAGE;
    }
    if (ex instanceof BusyException) {
      err.println("runner: " + ex.getMessage());
      return ExitCode.BUSY;
    }
    RunnerCommand root =
        line.getCommandSpec().root().userObject() instanceof RunnerCommand r ? r : null;
    Optional<IOException> io = ioCause(ex);
    if (io.isPresent() && !(ex instanceof StoreException)) {
      StoreException environment = StoreFailure.of(io.get());
      if (environment.kind() != StoreException.Kind.INTERNAL) {
        ex = environment; // a read-only or full disk under a lock or log file, told as such
      }
    }
    if (ex instanceof StoreException store) {
      err.println("runner: " + store.getMessage());
      if (store.kind() == StoreException.Kind.INTERNAL) {
        return ExitCode.INTERNAL;
      }
      err.println("  hint: " + store.hint());
      return ExitCode.ENVIRONMENT;
    }
    UnaryOperator<String> mask =
        root != null ? root.session().secretMask() : UnaryOperator.identity();
    boolean logged = root != null && logged(root, parseResult, ex, mask);
    err.println(
        "runner: internal error: "
            + mask.apply(ex.toString())
            + (logged
                ? " (the stack trace is in logs/task.log)"
                : " (logs/task.log cannot take it; the stack trace follows)"));
    if (!logged || root.stacktrace) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      err.print(mask.apply(trace.toString()));
    }
    return ExitCode.INTERNAL;
  }

  private static Optional<IOException> ioCause(Throwable ex) {
    for (Throwable at = ex; at != null; at = at.getCause()) {
      if (at instanceof IOException io) {
        return Optional.of(io);
      }
    }
    return Optional.empty();
  }

  /** Whether the error reached task.log: the file grew (logback drops a write it cannot make). */
  private static boolean logged(
      RunnerCommand root,
      CommandLine.ParseResult parseResult,
      Exception ex,
      UnaryOperator<String> mask) {
    try {
      Path file = root.session().home().dir().resolve("logs").resolve("task.log");
      long before = Files.exists(file) ? Files.size(file) : -1;
      new TaskLog(file.getParent(), 7, mask, null)
          .error(
              "internal error in `runner " + String.join(" ", parseResult.originalArgs()) + "`",
              ex);
      return Files.exists(file) && Files.size(file) > before;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static void printProblems(InvalidConfigException invalid, PrintWriter err) {
    for (Problem problem : invalid.problems()) {
      err.println(problem);
    }
    err.println("runner: " + invalid.getMessage() + "; nothing was run or changed");
  }
}
