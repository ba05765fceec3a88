package dev.runner.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The loaded, valid configuration: tasks in file order, the environment and the settings. */
public record RunnerConfig(
    Home home, List<TaskDef> tasks, Environment environment, Settings settings) {

  public RunnerConfig {
    tasks = List.copyOf(tasks);
  }

  public Optional<TaskDef> task(String name) {
    return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Path file() {
    return home.configFile();
  }
}
