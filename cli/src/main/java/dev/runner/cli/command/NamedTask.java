package dev.runner.cli.command;

import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.InvalidTask;
import dev.runner.config.RunnerConfig;
import dev.runner.config.Suggest;
import dev.runner.config.TaskDef;
import dev.runner.query.History;
import java.util.List;
import java.util.Optional;

/** A task named on the command line: found, or refused with a hint at what was meant. */
final class NamedTask {

  private NamedTask() {}

  /** The task named; an invalid one ends the command with its problems (exit 2). */
  static TaskDef find(RunnerConfig config, String name) throws InvalidConfigException {
    Optional<InvalidTask> invalid = config.invalidTask(name);
    if (invalid.isPresent()) {
      throw new InvalidConfigException(invalid.get().problems());
    }
    return config
        .task(name)
        .orElseThrow(
            () -> {
              String hint = Suggest.didYouMean(name, config.names());
              return new UsageException(
                  "no task named \""
                      + name
                      + "\" in "
                      + config.file().getFileName()
                      + (hint != null ? "; " + hint : "; see `runner list`"));
            });
  }

  /**
   * A {@code --task} that is neither in the config nor in the history is a typo, not a task that
   * has not run yet. One removed from the config keeps its rows, and they are shown; with a config
   * that does not load, which names it holds is unknown, so nothing is refused.
   */
  static void refuseUnknown(RunnerCommand root, String task) throws InvalidConfigException {
    if (!root.session().read(store -> store.history(History.anyRun(task))).isEmpty()) {
      return;
    }
    RunnerConfig config;
    try {
      config = root.session().config();
    } catch (InvalidConfigException e) {
      return;
    }
    List<String> names = config.names();
    if (names.contains(task)) {
      return;
    }
    String hint = Suggest.didYouMean(task, names);
    throw new UsageException(
        "--task: no task named \""
            + task
            + "\" in "
            + config.file().getFileName()
            + " and no runs of one in the history"
            + (hint != null ? "; " + hint : "; `runner list` shows the tasks"));
  }
}
