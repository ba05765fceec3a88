package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.HistoryTable;
import dev.runner.cli.render.Times;
import dev.runner.query.History;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Runs and skipped fires, newest first.")
final class HistoryCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--task", paramLabel = "TASK", description = "Only this task.")
  String task;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      split = ",",
      description =
          "Only these statuses: running, success, business_failure, technical_failure, timeout,"
              + " skipped, crashed; `failed` means every failure.")
  List<String> statuses = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Only runs started since then: an ISO date-time, or an age such as 2d or 6h.")
  String since;

  @Option(names = "--limit", defaultValue = "20", description = "Rows per page (default 20).")
  int limit;

  @Option(names = "--page", defaultValue = "1", description = "Page number, from 1.")
  int page;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    ZoneId zone = root.session().settings().settings().zone();
    if (limit < 1 || page < 1) {
      throw new UsageException("--limit and --page start at 1");
    }
    Set<RunStatus> wanted;
    try {
      wanted = History.statuses(statuses);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--status: " + e.getMessage());
    }
    Instant after =
        since == null ? null : Times.since(since, inv.clock().instant(), zone, "--since");
    HistoryQuery query = History.page(task, wanted, after, limit, page);
    List<RunRecord> rows = root.session().read(store -> store.history(query));
    if (task != null && rows.isEmpty()) {
      NamedTask.refuseUnknown(root, task);
    }
    if (json) {
      HistoryTable.json(rows, zone, inv.out());
    } else {
      HistoryTable.print(rows, page, zone, inv.out());
    }
    return ExitCode.OK;
  }
}
