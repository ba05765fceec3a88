package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.RunnerConfig;
import dev.runner.query.RunDetail;
import dev.runner.store.RunRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print a run's full output (logs/runs/TASK/RUN_ID.log).")
final class LogsCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "RUN_ID", description = "The run's id, as `runner history` shows it.")
  long runId;

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
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      inv.out().flush();
      in.transferTo(inv.out()); // in pieces: a run log may be larger than the memory runner has
      inv.out().flush();
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
