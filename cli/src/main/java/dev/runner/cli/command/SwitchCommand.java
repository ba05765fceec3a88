package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.config.ConfigEditor;
import dev.runner.config.ConfigEditor.Change;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enable} and {@code disable}: one edit of the tasks' {@code enabled} fields. */
abstract class SwitchCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task names.")
  List<String> tasks;

  abstract boolean enabled();

  @Override
  public Integer call() throws Exception {
    List<Change> changes =
        new ConfigEditor(root.session().loader())
            .setEnabled(root.session().home(), tasks, enabled());
    String word = enabled() ? "enabled" : "disabled";
    for (Change change : changes) {
      root.invocation()
          .out()
          .println(change.task() + (change.changed() ? ": " + word : ": already " + word));
    }
    return ExitCode.OK;
  }
}
