package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.StatusReport;
import dev.runner.cli.render.Times;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.Problem;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.query.HomeStatus;
import dev.runner.query.StatusReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "The home at a glance: the last tick or daemon pass, what runs now, what failed last,"
          + " the retries waiting, and what needs attention.",
      "Exits 1 when something needs attention (for a health check), else 0."
    })
final class StatusCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--json", description = "Print a JSON object instead of text.")
  boolean json;

  @Option(
      names = "--now",
      paramLabel = "ISO",
      description = "Judge as if it were this time, e.g. 2026-01-01T08:00:00Z.")
  String now;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config;
    List<Problem> refused;
    try {
      config = root.session().config();
      refused = List.of();
    } catch (InvalidConfigException e) {
      config =
          root.session()
              .settings(); // a .env that does not load either ends here, with its problems
      refused = e.problems();
    }
    ZoneId zone = config.settings().zone();
    Instant at = now == null ? inv.clock().instant() : Times.parse(now, zone, "--now");
    RunnerConfig home = config;
    List<Problem> problems = refused;
    HomeStatus status =
        root.session()
            .read(store -> StatusReader.of(home.settings()).read(store, home, problems, at));
    if (json) {
      inv.out().println(Json.pretty(StatusReport.json(status, zone)));
    } else {
      StatusReport.print(status, config.home().dir(), zone, inv.out());
    }
    return status.attention().isEmpty() ? ExitCode.OK : ExitCode.TASK_FAILED;
  }
}
