package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.StatsTable;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.query.StatsJson;
import dev.runner.query.TaskStats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Per task: runs, success rate, p50/p95 duration, last failure, recent runs.")
final class StatsCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--task", paramLabel = "TASK", description = "Only this task.")
  String task;

  @Option(names = "--days", defaultValue = "7", description = "Over the last N days (default 7).")
  int days;

  @Option(names = "--json", description = "Print a JSON array of objects.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().settings();
    if (days < 1) {
      throw new UsageException("--days must be 1 or more");
    }
    Instant since = inv.clock().instant().minus(Duration.ofDays(days));
    ZoneId zone = config.settings().zone();
    LocalDate today = LocalDate.ofInstant(inv.clock().instant(), zone);
    List<TaskStats> stats =
        root.session()
            .read(
                store ->
                    TaskStats.of(store.outcomesSince(task, since, 1_000_000), zone, today, days));
    if (json) {
      inv.out().println(Json.pretty(StatsJson.of(stats, zone)));
    } else {
      StatsTable.print(stats, days, zone, inv.colour(), inv.out());
    }
    return ExitCode.OK;
  }
}
