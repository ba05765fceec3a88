package dev.runner.config;

import java.util.List;

/**
 * A task of a readable config with problems of its own, or one that depends on such a task: it does
 * not run, and {@code list}, {@code status} and {@code validate} say why, while the others run.
 */
public record InvalidTask(String name, List<Problem> problems) {

  public InvalidTask {
    problems = List.copyOf(problems);
  }
}
