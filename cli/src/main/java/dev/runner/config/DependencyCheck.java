package dev.runner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unknown upstreams and cycles in {@code depends_on}, each cycle printed as its path; each problem
 * is the task's that names the upstream (a cycle's, every task's on it).
 */
final class DependencyCheck {

  private final Path file;
  private final Map<String, JsonValue.Member> tasks;
  private final Map<String, List<Problem>> problems;
  private final Map<String, List<String>> edges = new HashMap<>();

  DependencyCheck(
      Path file, Map<String, JsonValue.Member> tasks, Map<String, List<Problem>> problems) {
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
          add(
              task.key(),
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
      Problem problem =
          new Problem(
              file,
              at.position(),
              cycle.get(0) + ".depends_on",
              "dependency cycle " + String.join(" -> ", reversed(cycle)),
              "a task cannot wait for itself; remove one of these depends_on entries");
      add(cycle.get(0), problem);
      cycle.stream()
          .distinct()
          .filter(t -> !t.equals(cycle.get(0)))
          .forEach(
              t ->
                  add(
                      t,
                      new Problem(
                          file,
                          ((JsonValue.Obj) tasks.get(t).value()).get("depends_on").position(),
                          t + ".depends_on",
                          "is on the dependency cycle " + String.join(" -> ", reversed(cycle)),
                          null)));
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

  private void add(String task, Problem problem) {
    problems.computeIfAbsent(task, t -> new ArrayList<>()).add(problem);
  }

  /** Paths are found walking upstream; people read a cycle in the direction runs flow. */
  private static List<String> reversed(List<String> cycle) {
    List<String> out = new ArrayList<>(cycle);
    java.util.Collections.reverse(out);
    return out;
  }
}
