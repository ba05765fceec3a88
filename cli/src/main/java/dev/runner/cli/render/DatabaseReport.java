package dev.runner.cli.render;

import dev.runner.store.Store;
import dev.runner.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** What {@code runner db check} says, a line per fact: {@code state ok (...)}. */
public final class DatabaseReport {

  private final PrintWriter out;

  public DatabaseReport(PrintWriter out) {
    this.out = out;
  }

  /** The file, with its size unless it is missing or empty. */
  public void file(Path db, Long bytes) {
    line("database", db + (bytes == null ? "" : " (" + size(bytes) + ")"));
  }

  /** A PostgreSQL database, as RUNNER_DB names it (no password), and whether it answered. */
  public void server(String location, StoreException failure) {
    line("database", location);
    if (failure != null) {
      line("state", "UNREACHABLE: " + failure.getMessage());
      line(
          "to do",
          "check that the server runs and RUNNER_DB (host, port, database, user) and"
              + " RUNNER_DB_PASSWORD in .env are right; `psql` with the same values tells more");
    }
  }

  /** Missing or empty in a home whose other files show it has run. */
  public void lost(boolean exists, List<String> evidence) {
    line(
        "state",
        "LOST: "
            + (exists ? "empty" : "missing")
            + ", but the home has run before ("
            + String.join(", ", evidence)
            + ")");
    line("to do", "restore it from a backup, or start over: runner db init");
  }

  public void none() {
    line("state", "none yet: this home has not run (the first tick makes it)");
  }

  public void unreadable(StoreException e) {
    line("state", "DAMAGED: " + e.getMessage());
    line("to do", e.hint());
  }

  /** What the database holds, and what to do when it is not intact. */
  public void inspection(
      Store.Inspection inspection, int knownSchema, long journalFiles, ZoneId zone) {
    line(
        "state",
        inspection.intact()
            ? "ok (integrity check passed)"
            : "DAMAGED: " + String.join("; ", inspection.integrity()));
    line("schema", "version " + inspection.schemaVersion() + " (this runner: " + knownSchema + ")");
    line(
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
    line("tasks", inspection.tasks() + " with scheduling state");
    line("retries", inspection.retries() + " queued");
    line("journal", journalFiles + " run files");
    if (!inspection.intact()) {
      line("to do", StoreException.Kind.CORRUPT.hint());
    }
  }

  private static String size(long bytes) {
    return bytes < 1024 ? bytes + " bytes" : bytes / 1024 + " KiB";
  }

  private void line(String what, String value) {
    out.printf("%-9s %s%n", what, value);
  }
}
