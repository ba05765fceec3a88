package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.DepsTree;
import dev.runner.cli.render.TaskList;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.query.TaskJson;
import dev.runner.query.TaskRow;
import dev.runner.query.TaskRows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "The tasks: enabled, type, schedule, next fire, last status, run counts.")
final class ListCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Option(names = "--tree", description = "Show the dependency graph instead (as `runner deps`).")
  boolean tree;

  @Option(names = "--names", description = "Only the task names, one a line (for completion).")
  boolean names;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().config();
    if (tree) {
      DepsTree.print(config, inv.out());
      return ExitCode.OK;
    }
    if (names) {
      config.tasks().forEach(t -> inv.out().println(t.name()));
      return ExitCode.OK;
    }
    Instant now = inv.clock().instant();
    ZoneId zone = config.settings().zone();
    List<TaskRow> tasks = root.session().read(store -> TaskRows.read(config, store, now));
    if (json) {
      inv.out().println(Json.pretty(TaskJson.of(tasks, zone)));
    } else {
      TaskList.print(tasks, config.file(), zone, inv.out());
    }
    return ExitCode.OK;
  }
}
