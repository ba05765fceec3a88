package dev.runner.cli;

import dev.runner.config.ConfigEditor;
import dev.runner.config.ConfigEditor.Change;
import java.util.List;

/** The work of {@code enable} and {@code disable}. */
final class SwitchTasks {
  private SwitchTasks() {}

  static int apply(RunnerCommand root, List<String> tasks, boolean enabled) throws Exception {
    List<Change> changes = new ConfigEditor(root.loader()).setEnabled(root.home(), tasks, enabled);
    String word = enabled ? "enabled" : "disabled";
    for (Change change : changes) {
      root.invocation
          .out()
          .println(change.task() + (change.changed() ? ": " + word : ": already " + word));
    }
    return ExitCode.OK;
  }
}
