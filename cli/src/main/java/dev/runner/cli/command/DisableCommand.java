package dev.runner.cli.command;

import picocli.CommandLine.Command;

@Command(
    name = "disable",
    mixinStandardHelpOptions = true,
    description = "Switch tasks off in tasks_config.json (tick drops their fires until enabled).")
final class DisableCommand extends SwitchCommand {

  @Override
  boolean enabled() {
    return false;
  }
}
