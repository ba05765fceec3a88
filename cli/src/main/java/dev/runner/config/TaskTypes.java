package dev.runner.config;

import dev.runner.task.TaskType;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The task types on the class path, by name. */
public final class TaskTypes {

  private final Map<String, TaskType> byName;

  private TaskTypes(Map<String, TaskType> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static TaskTypes load(ClassLoader loader) {
    Map<String, TaskType> found = new TreeMap<>();
    for (TaskType type : ServiceLoader.load(TaskType.class, loader)) {
      found.putIfAbsent(type.name(), type);
    }
    return new TaskTypes(found);
  }

  public TaskType get(String name) {
    return byName.get(name);
  }

  public java.util.Set<String> names() {
    return new java.util.TreeSet<>(byName.keySet());
  }
}
