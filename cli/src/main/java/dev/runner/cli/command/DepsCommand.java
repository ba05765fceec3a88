package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.DepsTree;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "deps",
    mixinStandardHelpOptions = true,
    description =
        "The dependency graph: what each task starts when it finishes (also list --tree).")
final class DepsCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Override
  public Integer call() throws Exception {
    DepsTree.print(root.session().config(), root.invocation().out());
    return ExitCode.OK;
  }
}
