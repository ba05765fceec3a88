package dev.runner.cli;

import dev.runner.config.RunnerConfig;
import dev.runner.store.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    Invocation inv = root.invocation;
    RunnerConfig config = root.settings();
    RunRecord run =
        root.read(store -> store.find(runId))
            .orElseThrow(
                () -> new UsageException("no run with id " + runId + "; see `runner history`"));
    Path file =
        config.settings().logDir().resolve("runs").resolve(run.taskName()).resolve(runId + ".log");
    try (InputStream in = Files.newInputStream(file)) {
      inv.out().flush();
      inv.out().print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      inv.out().flush();
    } catch (NoSuchFileException e) {
      inv.err()
          .println(
              "runner: run "
                  + runId
                  + " ("
                  + run.taskName()
                  + ", "
                  + run.status().dbName()
                  + ") has no output file"
                  + (run.status().dbName().equals("skipped")
                      ? ": it was skipped and never ran"
                      : " (pruned, or it never started)"));
      return ExitCode.USAGE;
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    return ExitCode.OK;
  }
}
