package dev.runner.config;

import java.util.List;

/** The configuration or {@code .env} has problems; every one found is listed. */
public class InvalidConfigException extends Exception {
  private final transient List<Problem> problems;

  public InvalidConfigException(List<Problem> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
