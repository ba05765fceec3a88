package dev.runner.cli.command;

import dev.runner.cli.HomeOptions;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
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
public final class FastHistory {

  private FastHistory() {}

  /** The exit code when answered here; empty for the full command line. */
  public static OptionalInt run(Invocation invocation, String[] args) {
    if (!List.of(args).contains("history")) {
      return OptionalInt.empty();
    }
    HistoryCommand history = new HistoryCommand();
    history.limit = 20;
    history.page = 1;
    HomeOptions options = parse(args, history);
    if (options == null) {
      return OptionalInt.empty();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    history.root =
        new RunnerCommand(
            new Invocation(
                new PrintWriter(out),
                new PrintWriter(err),
                invocation.environment(),
                invocation.workingDir(),
                invocation.clock(),
                invocation.terminal()),
            options);
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

  /** The global options given, with the command's set on {@code history}; null for the full way. */
  private static HomeOptions parse(String[] args, HistoryCommand history) {
    String home = null;
    String config = null;
    String envFile = null;
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
        return null;
      }
      if (!command && !GLOBAL.contains(name)) {
        return null;
      }
      switch (name) {
        case "--home" -> home = value;
        case "--config" -> config = value;
        case "--env-file" -> envFile = value;
        case "--task" -> history.task = value;
        case "--status" -> history.statuses.addAll(List.of(value.split(",")));
        case "--since" -> history.since = value;
        case "--limit" -> history.limit = number(value);
        case "--page" -> history.page = number(value);
        default -> {
          return null;
        }
      }
      if (history.limit < 0 || history.page < 0) {
        return null;
      }
    }
    return command ? new HomeOptions(home, config, envFile) : null;
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
