package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Pruner;
import dev.runner.store.Store;
import dev.runner.store.factory.StoreFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Remove history rows and run logs older than RUNNER_HISTORY_DAYS, and audit entries older",
      "than RUNNER_AUDIT_DAYS (tick does it daily). Running rows are kept; the database is",
      "vacuumed when much came free."
    })
final class PruneCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Keep N days instead of RUNNER_HISTORY_DAYS.")
  Integer days;

  @Option(
      names = "--audit-days",
      paramLabel = "N",
      description = "Keep N days of the audit instead of RUNNER_AUDIT_DAYS.")
  Integer auditDays;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().settings();
    int keep = days != null ? days : config.settings().historyDays();
    int keepAudit = auditDays != null ? auditDays : config.settings().auditDays();
    if (keep < 1) {
      throw new UsageException("--days must be 1 or more");
    }
    if (keepAudit < 1) {
      throw new UsageException("--audit-days must be 1 or more");
    }
    Instant now = inv.clock().instant();
    try (Store store = StoreFactory.of(config).open()) {
      Pruner.Result result =
          new Pruner(store, config.settings().logDir())
              .prune(
                  now.minus(Duration.ofDays(keep)),
                  now.minus(Duration.ofDays(keepAudit)),
                  rows -> {
                    if (inv.terminal()) {
                      inv.err().print("\rpruning: " + rows + " rows removed");
                      inv.err().flush();
                    }
                  });
      if (inv.terminal()) {
        inv.err().print("\r" + " ".repeat(40) + "\r");
      }
      inv.out()
          .printf(
              "pruned history older than %d days: %d rows, %d run logs, %.1f MB freed%s;"
                  + " audit older than %d days: %d entries%n",
              keep,
              result.rows(),
              result.logFiles(),
              result.bytesFreed() / 1e6,
              result.vacuumed() ? " (database vacuumed)" : "",
              keepAudit,
              result.auditEntries());
    }
    return ExitCode.OK;
  }
}
