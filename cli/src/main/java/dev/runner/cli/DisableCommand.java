package dev.runner.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "disable",
    mixinStandardHelpOptions = true,
    description = "Switch tasks off in tasks_config.json (tick drops their fires until enabled).")
final class DisableCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task names.")
  List<String> tasks;

  @Override
  public Integer call() throws Exception {
    return SwitchTasks.apply(root, tasks, false);
  }
}
