package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.TokenTable;
import dev.runner.engine.Json;
import dev.runner.store.WebToken;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runner token list}: names, scopes and times; a token itself is never shown again. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the API tokens: name, scope, created, last used (never the token).")
final class TokenList implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON array of objects.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    Invocation inv = root.invocation();
    List<WebToken> tokens = root.session().read(store -> store.tokens());
    ZoneId zone = root.session().settings().settings().zone();
    if (json) {
      inv.out().println(Json.pretty(TokenTable.json(tokens, zone)));
    } else {
      TokenTable.print(tokens, zone, inv.out());
    }
    return ExitCode.OK;
  }
}
