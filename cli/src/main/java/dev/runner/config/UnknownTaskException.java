package dev.runner.config;

import java.util.List;

/** An edit names a task the file does not have: told as a problem with a did-you-mean. */
public final class UnknownTaskException extends InvalidConfigException {

  private final String task;

  UnknownTaskException(Problem problem, String task) {
    super(List.of(problem));
    this.task = task;
  }

  public String task() {
    return task;
  }
}
