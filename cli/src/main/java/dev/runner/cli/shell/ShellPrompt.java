package dev.runner.cli.shell;

import dev.runner.config.InvalidConfigException;
import dev.runner.config.RunnerConfig;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.factory.StoreFactory;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The shell's prompt: the home's state at a glance, read again before every prompt, e.g. {@code
 * runner 5 tasks · 1 running · 2 failing ❯} (yellow running, red failing, green when all is well),
 * led by the last command's exit code when it was not 0.
 */
final class ShellPrompt {

  /**
   * What the prompt shows; {@code problems} > 0 when the config does not load, {@code invalid} the
   * tasks of one that does that are invalid.
   */
  record Status(int tasks, int running, int failing, int problems, int invalid) {}

  /** Where the config comes from: read afresh for each prompt, so edits and runs elsewhere show. */
  interface ConfigSource {
    RunnerConfig load() throws InvalidConfigException;
  }

  /** The home's status: tasks, runs in progress, tasks whose last outcome was a failure. */
  static Status read(ConfigSource source) {
    RunnerConfig config;
    try {
      config = source.load();
    } catch (InvalidConfigException e) {
      return new Status(0, 0, 0, Math.max(1, e.problems().size()), 0);
    }
    int tasks = config.tasks().size();
    StoreFactory stores = StoreFactory.of(config);
    if (!stores.exists()) {
      return new Status(tasks, 0, 0, 0, config.invalid().size());
    }
    try (Store store = stores.open()) {
      int running =
          store.history(new HistoryQuery(null, Set.of(RunStatus.RUNNING), null, 1000, 0)).size();
      long failing =
          store.states().values().stream()
              .filter(s -> s.lastStatus() != null && s.lastStatus().isFailure())
              .filter(s -> config.task(s.taskName()).isPresent())
              .count();
      return new Status(tasks, running, (int) failing, 0, config.invalid().size());
    } catch (RuntimeException e) {
      return new Status(tasks, 0, 0, 0, config.invalid().size()); // a prompt must not fail
    }
  }

  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BOLD = "\u001b[1m";

  private final Supplier<Status> status;
  private final boolean colour;

  ShellPrompt(Supplier<Status> status, boolean colour) {
    this.status = status;
    this.colour = colour;
  }

  String render(int lastExit) {
    Status now = status.get();
    StringBuilder prompt = new StringBuilder();
    if (lastExit != 0) {
      prompt.append(paint(RED, "[" + lastExit + "]")).append(' ');
    }
    prompt.append(paint(BOLD, "runner")).append(' ');
    if (now.problems() > 0) {
      prompt.append(
          paint(
              RED,
              "config invalid ("
                  + now.problems()
                  + (now.problems() == 1 ? " problem" : " problems")
                  + ": validate)"));
    } else {
      prompt.append(now.tasks()).append(now.tasks() == 1 ? " task" : " tasks");
      if (now.invalid() > 0) {
        prompt.append(" · ").append(paint(RED, now.invalid() + " invalid (validate)"));
      }
      if (now.running() > 0) {
        prompt.append(" · ").append(paint(YELLOW, now.running() + " running"));
      }
      if (now.failing() > 0) {
        prompt.append(" · ").append(paint(RED, now.failing() + " failing"));
      } else {
        prompt.append(' ').append(paint(GREEN, "✓"));
      }
    }
    return prompt.append(" ❯ ").toString();
  }

  private String paint(String style, String text) {
    return colour ? style + text + RESET : text;
  }
}
