package dev.runner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Unknown upstreams and cycles in {@code depends_on}, each cycle printed as its path. */
final class DependencyCheck {

  private final Path file;
  private final Map<String, JsonValue.Member> tasks;
  private final List<Problem> problems;
  private final Map<String, List<String>> edges = new HashMap<>();

  DependencyCheck(Path file, Map<String, JsonValue.Member> tasks, List<Problem> problems) {
    this.file = file;
    this.tasks = tasks;
    this.problems = problems;
  }

  void check() {
    for (JsonValue.Member task : tasks.values()) {
      if (!(task.value() instanceof JsonValue.Obj obj)
          || !(obj.get("depends_on") instanceof JsonValue.Arr upstreams)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (JsonValue item : upstreams.items()) {
        if (!(item instanceof JsonValue.Str s)) {
          continue; // the task's own check reports the type
        }
        if (!tasks.containsKey(s.value())) {
          problems.add(
              new Problem(
                  file,
                  item.position(),
                  task.key() + ".depends_on",
                  "no task named \"" + s.value() + "\"",
                  Suggest.didYouMean(s.value(), tasks.keySet())));
        } else {
          names.add(s.value());
        }
      }
      edges.put(task.key(), names);
    }
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    for (String task : tasks.keySet()) {
      visit(task, state, new ArrayList<>());
    }
  }

  private void visit(String task, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(task);
    if (seen != null && seen == 2) {
      return;
    }
    if (seen != null) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(task), path.size()));
      cycle.add(task);
      JsonValue.Member first = tasks.get(cycle.get(0));
      JsonValue at = ((JsonValue.Obj) first.value()).get("depends_on");
      problems.add(
          new Problem(
              file,
              at.position(),
              cycle.get(0) + ".depends_on",
              "dependency cycle " + String.join(" -> ", reversed(cycle)),
              "a task cannot wait for itself; remove one of these depends_on entries"));
      return;
    }
    state.put(task, 1);
    path.add(task);
    for (String upstream : edges.getOrDefault(task, List.of())) {
      visit(upstream, state, path);
    }
    path.remove(path.size() - 1);
    state.put(task, 2);
  }

  /** Paths are found walking upstream; people read a cycle in the direction runs flow. */
  private static List<String> reversed(List<String> cycle) {
    List<String> out = new ArrayList<>(cycle);
    java.util.Collections.reverse(out);
    return out;
  }
}
