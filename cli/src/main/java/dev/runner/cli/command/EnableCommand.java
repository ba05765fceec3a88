package dev.runner.cli.command;

import picocli.CommandLine.Command;

@Command(
    name = "enable",
    mixinStandardHelpOptions = true,
    description = "Switch tasks on in tasks_config.json (the rest of the file is kept as it is).")
final class EnableCommand extends SwitchCommand {

  @Override
  boolean enabled() {
    return true;
  }
}
