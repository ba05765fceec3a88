package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.RunnerConfig;
import dev.runner.store.Store;
import dev.runner.store.factory.StoreFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code runner db init}: an empty database made on purpose, where a lost one stood. An existing
 * database is never replaced: it is moved aside by hand first.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Make an empty database where none is (or an empty file is), starting the history over.",
      "A database that holds anything is never replaced: move it aside first."
    })
final class DbInit implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    RunnerConfig config = root.session().settings();
    if (config.settings().shared()) {
      throw new UsageException(
          "RUNNER_DB names a PostgreSQL database ("
              + config.settings().postgres().display()
              + "): its administrator makes it (createdb), and runner makes its tables at the"
              + " first command; `runner db check` tells what it holds");
    }
    Path db = config.settings().database();
    if (Files.exists(db) && Files.size(db) > 0) {
      throw new UsageException(
          "the database "
              + db
              + " exists; `runner db check` tells what it holds. To start over, move it aside"
              + " first (mv "
              + db.getFileName()
              + " "
              + db.getFileName()
              + ".old)");
    }
    StoreFactory stores = StoreFactory.of(config);
    try (Store store = stores.create()) {
      root.invocation()
          .out()
          .println(
              "made an empty database "
                  + stores.location()
                  + " (schema version "
                  + stores.knownSchemaVersion()
                  + "); the history starts over and each task is seen anew by the next tick");
    }
    return ExitCode.OK;
  }
}
