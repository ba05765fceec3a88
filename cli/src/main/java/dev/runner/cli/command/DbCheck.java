package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.Times;
import dev.runner.config.RunnerConfig;
import dev.runner.store.LostDatabase;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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
    RunnerConfig config = root.settings();
    PrintWriter out = root.invocation().out();
    Path db = config.settings().database();
    ZoneId zone = config.settings().zone();
    LostDatabase lost = new LostDatabase(config.home().dir(), db, config.settings().logDir());
    boolean empty = !Files.exists(db) || Files.size(db) == 0;
    line(out, "database", db + (empty ? "" : " (" + size(Files.size(db)) + ")"));
    if (empty) {
      if (lost.lost()) {
        line(
            out,
            "state",
            "LOST: "
                + (Files.exists(db) ? "empty" : "missing")
                + ", but the home has run before ("
                + String.join(", ", lost.evidence())
                + ")");
        line(out, "to do", "restore it from a backup, or start over: runner db init");
        return ExitCode.ENVIRONMENT;
      }
      line(out, "state", "none yet: this home has not run (the first tick makes it)");
      return ExitCode.OK;
    }
    Store.Inspection inspection;
    try (Store store = Store.openReadOnly(db)) {
      inspection = store.inspect();
    } catch (StoreException e) {
      line(out, "state", "DAMAGED: " + e.getMessage());
      line(out, "to do", e.kind().hint());
      return ExitCode.ENVIRONMENT;
    }
    line(
        out,
        "state",
        inspection.intact()
            ? "ok (integrity check passed)"
            : "DAMAGED: " + String.join("; ", inspection.integrity()));
    line(
        out,
        "schema",
        "version "
            + inspection.schemaVersion()
            + " (this runner: "
            + Store.knownSchemaVersion()
            + ")");
    line(
        out,
        "runs",
        inspection.runs()
            + (inspection.runs() == 0
                ? ""
                : " (first "
                    + Times.local(inspection.firstRun(), zone)
                    + ", last "
                    + Times.local(inspection.lastRun(), zone)
                    + ")")
            + ", "
            + inspection.running()
            + " running");
    line(out, "tasks", inspection.tasks() + " with scheduling state");
    line(out, "retries", inspection.retries() + " queued");
    line(out, "journal", journalFiles(config.home().dir().resolve("journal")) + " run files");
    if (!inspection.intact()) {
      line(out, "to do", StoreException.Kind.CORRUPT.hint());
      return ExitCode.ENVIRONMENT;
    }
    return ExitCode.OK;
  }

  private static String size(long bytes) {
    return bytes < 1024 ? bytes + " bytes" : bytes / 1024 + " KiB";
  }

  private static void line(PrintWriter out, String what, String value) {
    out.printf("%-9s %s%n", what, value);
  }

  private static long journalFiles(Path dir) {
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
