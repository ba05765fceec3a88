package dev.runner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code runner [--home D] [--config F] [--env-file F] history [--task T] [--status S] [--since W]
 * [--limit N] [--page P] [--json]} without picocli, whose start-up (a tenth of a second) is most of
 * what the command costs: the options are set on {@link HistoryCommand} as picocli would set them
 * and it runs into buffers. Anything else (help, an unknown option, a value it cannot take, any
 * failure) goes the full way, which says what is wrong; history only reads, so that is harmless.
 */
final class FastHistory {

  private FastHistory() {}

  /** The exit code when answered here; empty for the full command line. */
  static OptionalInt run(Invocation invocation, String[] args) {
    if (!List.of(args).contains("history")) {
      return OptionalInt.empty();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    RunnerCommand root =
        new RunnerCommand(
            new Invocation(
                new PrintWriter(out),
                new PrintWriter(err),
                invocation.environment(),
                invocation.workingDir(),
                invocation.clock(),
                invocation.terminal()));
    HistoryCommand history = new HistoryCommand();
    history.root = root;
    history.limit = 20;
    history.page = 1;
    if (!parse(args, root, history)) {
      return OptionalInt.empty();
    }
    int code;
    try {
      code = history.call();
    } catch (Exception | LinkageError e) {
      return OptionalInt.empty();
    }
    invocation.out().print(out);
    invocation.err().print(err);
    invocation.out().flush();
    invocation.err().flush();
    return OptionalInt.of(code);
  }

  private static final Set<String> GLOBAL = Set.of("--home", "--config", "--env-file");

  private static boolean parse(String[] args, RunnerCommand root, HistoryCommand history) {
    boolean command = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("history") && !command) {
        command = true;
        continue;
      }
      if (arg.equals("--json") && command) {
        history.json = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        value = args[++i];
      } else {
        return false;
      }
      if (!command && !GLOBAL.contains(name)) {
        return false;
      }
      switch (name) {
        case "--home" -> root.homeOption = value;
        case "--config" -> root.configOption = value;
        case "--env-file" -> root.envFileOption = value;
        case "--task" -> history.task = value;
        case "--status" -> history.statuses.addAll(List.of(value.split(",")));
        case "--since" -> history.since = value;
        case "--limit" -> history.limit = number(value);
        case "--page" -> history.page = number(value);
        default -> {
          return false;
        }
      }
      if (history.limit < 0 || history.page < 0) {
        return false;
      }
    }
    return command;
  }

  /** The number, or -1 (which sends the line the full way, to say what is wrong). */
  private static int number(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
