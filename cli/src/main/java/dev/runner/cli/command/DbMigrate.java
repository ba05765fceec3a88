package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.RunnerConfig;
import dev.runner.config.Secret;
import dev.runner.store.RunRecord;
import dev.runner.store.postgres.PostgresStore;
import dev.runner.store.postgres.PostgresUrl;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runner db migrate --to postgresql://…}: a SQLite home's whole history copied into an empty
 * PostgreSQL database in one transaction, the counts compared, and what to put in {@code .env}
 * said. The SQLite file is left as it was: the move is undone by not switching.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy this home's SQLite history (runs, states, retries, tokens, audit) into an empty",
      "PostgreSQL database, in one transaction, and check the counts. The password is",
      "RUNNER_DB_PASSWORD from .env. Nothing is written over: a database that holds anything is",
      "refused. The SQLite file stays as it was."
    })
final class DbMigrate implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "The database: postgresql://USER@HOST:PORT/DB (options as its query).")
  String to;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().settings();
    if (config.settings().shared()) {
      throw new UsageException(
          "this home's RUNNER_DB is already a PostgreSQL database ("
              + config.settings().postgres().display()
              + "); a move starts from a SQLite home");
    }
    PostgresUrl target;
    try {
      target = PostgresUrl.parse(to);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--to: " + e.getMessage());
    }
    Path file = config.settings().database();
    if (!Files.exists(file)) {
      throw new UsageException("this home has no database yet (" + file + "): nothing to move");
    }
    long journal = DbCheck.journalFiles(config.home().dir().resolve("journal"));
    if (journal > 0) {
      throw new UsageException(
          "the journal holds "
              + journal
              + " outcomes not yet recorded; run `runner tick` once so they are, then move");
    }
    Secret password = config.settings().postgresPassword();
    try (SqliteStore from = SqliteStore.connect(file);
        PostgresStore into =
            PostgresStore.connect(target, password == null ? null : password.value())) {
      List<RunRecord> running = from.inTransaction(tx -> tx.running());
      if (!running.isEmpty()) {
        throw new UsageException(
            running.size()
                + " runs are under way (run "
                + running.get(0).id()
                + " of "
                + running.get(0).taskName()
                + "); stop the daemon and let them end, then move");
      }
      Map<String, Long> had = from.counts();
      Map<String, Long> copied = from.copyInto(into);
      if (!copied.equals(had)) {
        inv.err().println("runner: the counts differ after the copy: " + had + " vs " + copied);
        return ExitCode.ENVIRONMENT;
      }
      report(inv, file, target, copied, password == null);
    }
    return ExitCode.OK;
  }

  private static void report(
      Invocation inv, Path file, PostgresUrl target, Map<String, Long> copied, boolean noPassword) {
    inv.out().println("copied " + file + " into " + target.display() + ":");
    copied.forEach((table, rows) -> inv.out().printf("  %-12s %d rows%n", table, rows));
    inv.out()
        .println("the counts match. To switch, put in .env (the SQLite file stays as it was):");
    inv.out().println("  RUNNER_DB=" + target.display());
    if (noPassword) {
      inv.out().println("  RUNNER_DB_PASSWORD=…   (if the database asks for one)");
    }
  }
}
