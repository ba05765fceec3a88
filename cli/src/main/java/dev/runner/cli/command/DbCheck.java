package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.DatabaseReport;
import dev.runner.config.RunnerConfig;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import dev.runner.store.factory.StoreFactory;
import dev.runner.store.sqlite.LostDatabase;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code runner db check}: whether the home's database is whole, which schema it has and what it
 * holds, read without changing anything. Exit 5 when it is damaged or lost.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Report the database's integrity, schema version and counts, changing nothing.",
      "Exit 5 when it is damaged, or missing or empty in a home that has run before."
    })
final class DbCheck implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    RunnerConfig config = root.session().settings();
    DatabaseReport report = new DatabaseReport(root.invocation().out());
    StoreFactory stores = StoreFactory.of(config);
    if (stores.shared()) {
      return server(config, stores, report);
    }
    Path db = config.settings().database();
    LostDatabase lost = new LostDatabase(config.home().dir(), db, config.settings().logDir());
    boolean empty = !Files.exists(db) || Files.size(db) == 0;
    report.file(db, empty ? null : Files.size(db));
    if (empty) {
      if (lost.lost()) {
        report.lost(Files.exists(db), lost.evidence());
        return ExitCode.ENVIRONMENT;
      }
      report.none();
      return ExitCode.OK;
    }
    Store.Inspection inspection;
    try (Store store = stores.openReadOnly()) {
      inspection = store.inspect();
    } catch (StoreException e) {
      report.unreadable(e);
      return ExitCode.ENVIRONMENT;
    }
    long journal = journalFiles(config.home().dir().resolve("journal"));
    report.inspection(inspection, stores.knownSchemaVersion(), journal, config.settings().zone());
    return inspection.intact() ? ExitCode.OK : ExitCode.ENVIRONMENT;
  }

  /** A PostgreSQL database: connectivity first (it is a server), then what it holds. */
  private static int server(RunnerConfig config, StoreFactory stores, DatabaseReport report) {
    Store.Inspection inspection;
    try (Store store = stores.openReadOnly()) {
      inspection = store.inspect();
    } catch (StoreException e) {
      report.server(stores.location(), e);
      return ExitCode.ENVIRONMENT;
    }
    report.server(stores.location(), null);
    long journal = journalFiles(config.home().dir().resolve("journal"));
    report.inspection(inspection, stores.knownSchemaVersion(), journal, config.settings().zone());
    return inspection.intact() ? ExitCode.OK : ExitCode.ENVIRONMENT;
  }

  /** The outcomes the journal holds, not yet in the database. */
  static long journalFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long count = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path ignored : files) {
        count++;
      }
    } catch (IOException e) {
      return count;
    }
    return count;
  }
}
