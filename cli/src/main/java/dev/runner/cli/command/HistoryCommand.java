package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.Table;
import dev.runner.cli.render.Times;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.RunnerConfig;
import dev.runner.config.Suggest;
import dev.runner.engine.Json;
import dev.runner.query.RunJson;
import dev.runner.query.RunSummary;
import dev.runner.schedule.Durations;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    RunnerConfig config = root.settings();
    ZoneId zone = config.settings().zone();
    if (limit < 1 || page < 1) {
      throw new UsageException("--limit and --page start at 1");
    }
    HistoryQuery query = new HistoryQuery(task, statuses(), since(zone), limit, (page - 1) * limit);
    List<RunRecord> rows = root.read(store -> store.history(query));
    if (task != null && rows.isEmpty()) {
      refuseUnknownTask();
    }
    if (json) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (RunRecord r : rows) {
        out.add(RunJson.of(r, zone));
      }
      inv.out().println(Json.pretty(out));
      return ExitCode.OK;
    }
    if (rows.isEmpty()) {
      inv.out().println(page > 1 ? "no more runs" : "no runs yet");
      return ExitCode.OK;
    }
    Table table =
        new Table("ID", "TASK", "STATUS", "STARTED", "DURATION", "TRIGGER", "MESSAGE").limit(6, 60);
    for (RunRecord r : rows) {
      table.row(
          Long.toString(r.id()),
          r.taskName(),
          r.status().dbName(),
          Times.local(r.runTime(), zone),
          Times.seconds(r.duration()),
          r.trigger() + (r.attempt() > 1 ? " #" + r.attempt() : ""),
          RunSummary.of(Json.readObject(r.message())));
    }
    table.print(inv.out());
    return ExitCode.OK;
  }

  /**
   * A task that is neither in the config nor in the history is a typo, not a task that has not run
   * yet. One removed from the config keeps its rows, and they are shown; with a config that does
   * not load, which names it holds is unknown, so nothing is refused.
   */
  private void refuseUnknownTask() throws InvalidConfigException {
    HistoryQuery any = new HistoryQuery(task, Set.of(), null, 1, 0);
    if (!root.read(store -> store.history(any)).isEmpty()) {
      return;
    }
    RunnerConfig config;
    try {
      config = root.config();
    } catch (InvalidConfigException e) {
      return;
    }
    List<String> names = config.names();
    if (names.contains(task)) {
      return;
    }
    String hint = Suggest.didYouMean(task, names);
    throw new UsageException(
        "--task: no task named \""
            + task
            + "\" in "
            + config.file().getFileName()
            + " and no runs of one in the history"
            + (hint != null ? "; " + hint : "; `runner list` shows the tasks"));
  }

  private Set<RunStatus> statuses() {
    Set<RunStatus> out = EnumSet.noneOf(RunStatus.class);
    for (String status : statuses) {
      String name = status.strip().toLowerCase(Locale.ROOT);
      if (name.equals("failed") || name.equals("failure")) {
        out.addAll(RunStatus.FAILURES);
        continue;
      }
      try {
        out.add(RunStatus.fromDb(name));
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>(List.of("failed"));
        for (RunStatus s : RunStatus.values()) {
          names.add(s.dbName());
        }
        String hint = Suggest.didYouMean(name, names);
        throw new UsageException(
            "--status: unknown status \""
                + status
                + "\""
                + (hint != null ? "; " + hint : "; one of " + String.join(", ", names)));
      }
    }
    return out;
  }

  private Instant since(ZoneId zone) {
    if (since == null) {
      return null;
    }
    try {
      return root.invocation().clock().instant().minus(Durations.parse(since));
    } catch (IllegalArgumentException notAnAge) {
      return Times.parse(since, zone, "--since");
    }
  }
}
