package dev.runner.cli.command;

import dev.runner.cli.UsageException;
import picocli.CommandLine.Command;

/** {@code runner token}: holds {@code create}, {@code list} and {@code revoke}. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description =
        "API tokens for runner web: Authorization: Bearer TOKEN, scope read, run or admin.",
    subcommands = {TokenCreate.class, TokenList.class, TokenRevoke.class})
final class TokenCommand implements Runnable {
  @Override
  public void run() {
    throw new UsageException(
        "say which: `runner token create NAME --scope read|run|admin`, `runner token list` or"
            + " `runner token revoke NAME`");
  }
}
