package dev.runner.cli.command;

import dev.runner.cli.UsageException;
import picocli.CommandLine.Command;

/** {@code runner db}: holds {@code check} and {@code init}. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description =
        "Check the database (integrity, schema, counts), start an empty one, or move to"
            + " PostgreSQL.",
    subcommands = {DbCheck.class, DbInit.class, DbMigrate.class})
final class DbCommand implements Runnable {
  @Override
  public void run() {
    throw new UsageException(
        "say which: `runner db check`, `runner db init` or `runner db migrate --to URL`");
  }
}
