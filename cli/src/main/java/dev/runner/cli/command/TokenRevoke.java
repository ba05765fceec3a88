package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.Suggest;
import dev.runner.store.WebToken;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runner token revoke NAME}: the token stops working at its next request. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Delete an API token; a running runner web refuses it from its next request.")
final class TokenRevoke implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The token's name (see runner token list).")
  String name;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    Invocation inv = root.invocation();
    List<String> others =
        root.session()
            .read(
                store -> {
                  if (store.revokeToken(name)) {
                    TokenAudit.record(store, inv, "token revoke", name, 200);
                    return null;
                  }
                  return store.tokens().stream().map(WebToken::name).toList();
                });
    if (others != null) {
      String hint = Suggest.didYouMean(name, others);
      throw new UsageException(
          "no token named "
              + name
              + (hint != null
                  ? "; " + hint
                  : others.isEmpty()
                      ? "; there are no tokens"
                      : "; the tokens are " + String.join(", ", others)));
    }
    inv.out().println("token " + name + " revoked");
    return ExitCode.OK;
  }
}
