package dev.runner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded configuration: the valid tasks in file order, the tasks that are not (which do not
 * run), the environment and the settings.
 *
 * @param written each task's object as the file has it, valid or not (values as written, before
 *     {@code ${VAR}} is expanded or defaults applied), by name; a task whose value is no object has
 *     none
 */
public record RunnerConfig(
    Home home,
    List<TaskDef> tasks,
    List<InvalidTask> invalid,
    Map<String, Map<String, Object>> written,
    Environment environment,
    Settings settings) {

  public RunnerConfig {
    tasks = List.copyOf(tasks);
    invalid = List.copyOf(invalid);
    written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
  }

  public RunnerConfig(Home home, List<TaskDef> tasks, Environment environment, Settings settings) {
    this(home, tasks, List.of(), Map.of(), environment, settings);
  }

  /** The task's object as written in the file; empty for no such task or one that is no object. */
  public Optional<Map<String, Object>> written(String name) {
    return Optional.ofNullable(written.get(name));
  }

  public Optional<InvalidTask> invalidTask(String name) {
    return invalid.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Every task's name, the invalid ones' too: they are the user's tasks all the same. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    tasks.forEach(t -> names.add(t.name()));
    invalid.forEach(t -> names.add(t.name()));
    return names;
  }

  /** Every invalid task's problems, in file order. */
  public List<Problem> problems() {
    return invalid.stream().flatMap(t -> t.problems().stream()).toList();
  }

  public Optional<TaskDef> task(String name) {
    return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Path file() {
    return home.configFile();
  }
}
