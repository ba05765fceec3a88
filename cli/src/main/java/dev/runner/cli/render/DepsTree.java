package dev.runner.cli.render;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import java.io.PrintWriter;
import java.util.List;

/** {@code runner deps} and {@code list --tree}: what each task starts when it finishes. */
public final class DepsTree {

  private DepsTree() {}

  public static void print(RunnerConfig config, PrintWriter out) {
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
