package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import java.io.PrintWriter;
import java.util.List;
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
    print(root.config(), root.invocation().out());
    return ExitCode.OK;
  }

  static void print(RunnerConfig config, PrintWriter out) {
    List<TaskDef> roots =
        config.tasks().stream()
            .filter(t -> t.dependsOn().isEmpty() && !children(config, t).isEmpty())
            .toList();
    if (roots.isEmpty()) {
      out.println("no task depends on another");
      return;
    }
    for (TaskDef task : roots) {
      out.println(task.name() + "  (" + task.scheduleText() + ")");
      printChildren(config, task, "", out);
    }
  }

  private static void printChildren(
      RunnerConfig config, TaskDef parent, String indent, PrintWriter out) {
    List<TaskDef> children = children(config, parent);
    for (int i = 0; i < children.size(); i++) {
      TaskDef child = children.get(i);
      boolean last = i == children.size() - 1;
      out.println(indent + (last ? "└── " : "├── ") + child.name() + label(child));
      printChildren(config, child, indent + (last ? "    " : "│   "), out);
    }
  }

  private static List<TaskDef> children(RunnerConfig config, TaskDef parent) {
    return config.tasks().stream().filter(t -> t.dependsOn().contains(parent.name())).toList();
  }

  private static String label(TaskDef task) {
    String upstreams = String.join(", ", task.dependsOn());
    return switch (task.triggerOn()) {
          case SUCCESS -> task.dependsOn().size() > 1 ? "  (after " + upstreams + ")" : "";
          case FAILURE ->
              task.dependsOn().size() > 1
                  ? "  (on failure of " + upstreams + ")"
                  : "  (on failure)";
          case COMPLETION ->
              task.dependsOn().size() > 1
                  ? "  (when " + upstreams + " complete)"
                  : "  (on completion)";
        }
        + (task.enabled() ? "" : "  [disabled]");
  }
}
