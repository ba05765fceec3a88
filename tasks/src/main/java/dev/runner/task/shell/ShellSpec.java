package dev.runner.task.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A shell task's fields: the program to start, its working directory (relative to the home, null
 * for the home itself) and the variables it adds to the environment.
 */
public record ShellSpec(List<String> program, Path cwd, Map<String, String> env) {
  public ShellSpec {
    program = List.copyOf(program);
    env = Map.copyOf(env);
  }
}
