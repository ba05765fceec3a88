package dev.runner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loaded configuration: the valid tasks in file order, the tasks that are not (which do not
 * run), the environment and the settings.
 */
public record RunnerConfig(
    Home home,
    List<TaskDef> tasks,
    List<InvalidTask> invalid,
    Environment environment,
    Settings settings) {

  public RunnerConfig {
    tasks = List.copyOf(tasks);
    invalid = List.copyOf(invalid);
  }

  public RunnerConfig(Home home, List<TaskDef> tasks, Environment environment, Settings settings) {
    this(home, tasks, List.of(), environment, settings);
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
