package dev.runner.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child process to start: its argument vector, working directory and complete environment. It
 * runs in a process group of its own so that cancellation stops it and everything it started.
 */
public record ProcessSpec(List<String> argv, Path cwd, Map<String, String> environment) {
  public ProcessSpec {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a process needs a program to run");
    }
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
  }
}
