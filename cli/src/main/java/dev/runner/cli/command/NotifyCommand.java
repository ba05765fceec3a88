package dev.runner.cli.command;

import dev.runner.cli.UsageException;
import picocli.CommandLine.Command;

/** {@code runner notify}: holds {@code test}. */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    description = "Notification tools.",
    subcommands = {NotifyTestCommand.class})
final class NotifyCommand implements Runnable {
  @Override
  public void run() {
    throw new UsageException("say what: `runner notify test TASK`");
  }
}
