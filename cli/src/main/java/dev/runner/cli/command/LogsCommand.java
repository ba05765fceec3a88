package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.RunnerConfig;
import dev.runner.query.LogLines;
import dev.runner.query.RunDetail;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.factory.StoreFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Print a run's output (logs/runs/TASK/RUN_ID.log): all of it, or its first or last lines.",
      "Reads in pieces: a log of any size takes little memory."
    })
final class LogsCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "RUN_ID", description = "The run's id, as `runner history` shows it.")
  long runId;

  @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines.")
  Long tail;

  @Option(names = "--head", paramLabel = "N", description = "Only the first N lines.")
  Long head;

  @Option(
      names = {"-f", "--follow"},
      description = "While the run runs, print its lines as they come; end when it ends.")
  boolean follow;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().settings();
    RunDetail detail =
        root.session()
            .read(store -> RunDetail.read(store, config.settings(), runId))
            .orElseThrow(
                () -> new UsageException("no run with id " + runId + "; see `runner history`"));
    RunRecord run = detail.row();
    Path file = detail.logFile();
    if (tail != null && head != null) {
      throw new UsageException("--head and --tail: give one of them");
    }
    if ((tail != null && tail < 0) || (head != null && head < 0)) {
      throw new UsageException("--head and --tail take a number of lines, 0 or more");
    }
    if (follow && (tail != null || head != null)) {
      throw new UsageException(
          "--follow prints the whole log as it grows; leave out --head/--tail");
    }
    if (follow && run.status() == RunStatus.RUNNING) {
      // one connection for the whole follow: its every poll asks whether the run still runs
      try (Store store = StoreFactory.of(config).openForReading()) {
        LogLines.follow(
            file,
            () -> store.find(runId).map(r -> r.status() == RunStatus.RUNNING).orElse(false),
            inv.out(),
            Duration.ofMillis(200));
      }
      return ExitCode.OK;
    }
    try {
      PrintWriter out = inv.out();
      if (tail != null) {
        LogLines.tail(file, tail, out);
      } else if (head != null) {
        LogLines.head(file, head, out);
      } else {
        LogLines.all(file, out);
      }
      out.flush();
    } catch (NoSuchFileException e) {
      String status = run.status().dbName();
      if (status.equals("skipped")) {
        inv.err()
            .println(
                "runner: run " + runId + " (" + run.taskName() + ") was skipped and never ran");
        return ExitCode.USAGE;
      }
      Optional<String> tail = detail.message().outputTail();
      if (tail.isPresent()) {
        String lines = tail.get();
        inv.err()
            .println(
                "runner: the log file of run "
                    + runId
                    + " is gone ("
                    + file
                    + " was removed); its last lines, kept in the history:");
        inv.out().println(lines);
        return ExitCode.OK;
      }
      // the file is made at a run's first line of output
      inv.err()
          .println(
              "runner: run "
                  + runId
                  + " ("
                  + run.taskName()
                  + ", "
                  + status
                  + (status.equals("running") ? ") has printed nothing yet" : ") printed nothing"));
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    return ExitCode.OK;
  }
}
