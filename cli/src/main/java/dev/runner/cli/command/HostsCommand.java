package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.HostTable;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.query.HostsJson;
import dev.runner.store.Store;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code runner hosts}: the hosts sharing the database, their signs of life and runs. */
@Command(
    name = "hosts",
    mixinStandardHelpOptions = true,
    description = {
      "List the hosts seen on the database: when each was last seen (by the database's clock),",
      "its live runner processes, its version and its runs under way."
    })
final class HostsCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--json", description = "Print a JSON array of objects.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().settings();
    List<Store.HostSeen> hosts =
        root.session().read(store -> store.hosts(config.settings().deadAfter()));
    if (json) {
      inv.out().println(Json.pretty(HostsJson.of(hosts, config.settings().zone())));
    } else {
      HostTable.print(hosts, config.settings().zone(), inv.out());
    }
    return ExitCode.OK;
  }
}
