package dev.runner.cli.command;

import dev.runner.cli.UsageException;
import picocli.CommandLine.Command;

/** {@code runner state}: holds {@code reset}. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = "The tasks' scheduling state: bring it back to the clock after a future --now.",
    subcommands = {StateReset.class})
final class StateCommand implements Runnable {
  @Override
  public void run() {
    throw new UsageException("say what: `runner state reset TASK..` or `runner state reset --all`");
  }
}
