package dev.runner.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "enable",
    mixinStandardHelpOptions = true,
    description = "Switch tasks on in tasks_config.json (the rest of the file is kept as it is).")
final class EnableCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task names.")
  List<String> tasks;

  @Override
  public Integer call() throws Exception {
    return SwitchTasks.apply(root, tasks, true);
  }
}
