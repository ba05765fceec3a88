package dev.runner.cli;

import dev.runner.cli.command.Commands;
import picocli.CommandLine;

/** The command line proper: picocli over {@link RunnerCommand}, with one exception handler. */
public final class FullCommandLine {

  private FullCommandLine() {}

  /**
   * The commands, in the order --help lists them: only the one being run is added to the command
   * line, unless help or a mistake needs them all. (Here, not on {@link RunnerCommand}, so that the
   * fast paths that use it do not load every command.)
   */
  static final java.util.List<Class<?>> COMMANDS = Commands.ALL;

  /** Global options that take a value, to skip when looking for the command's name. */
  private static final java.util.Set<String> VALUED =
      java.util.Set.of("--home", "--config", "--env-file");

  public static int run(Invocation invocation, String... args) {
    CommandLine line = new CommandLine(new RunnerCommand(invocation));
    // Picocli reads every command's annotations when it is added: a command line that runs one
    // command adds just that one (a third of a second saved on every `history`, `list`, ...).
    Class<?> only = requested(args);
    for (Class<?> command : COMMANDS) {
      if (only == null || command == only) {
        line.addSubcommand(command.getAnnotation(CommandLine.Command.class).name(), command);
      }
    }
    line.setOut(invocation.out());
    line.setErr(invocation.err());
    line.setExecutionExceptionHandler(new Failures(invocation));
    line.setParameterExceptionHandler(
        (ex, arguments) -> {
          invocation.err().println("runner: " + UsageWords.of(ex));
          invocation.err().println("Try '" + UsageWords.path(ex.getCommandLine()) + " --help'.");
          return ExitCode.USAGE;
        });
    line.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            invocation.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    int code = line.execute(args);
    invocation.out().flush();
    invocation.err().flush();
    return code;
  }

  /** The whole command tree, for completion scripts and the man page. */
  public static CommandLine tree(Invocation invocation) {
    CommandLine line = new CommandLine(new RunnerCommand(invocation));
    for (Class<?> command : COMMANDS) {
      line.addSubcommand(command.getAnnotation(CommandLine.Command.class).name(), command);
    }
    return line;
  }

  /** The command named in {@code args}, or null for help, a mistake, or none. */
  private static Class<?> requested(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (VALUED.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        for (Class<?> command : COMMANDS) {
          if (command.getAnnotation(CommandLine.Command.class).name().equals(arg)) {
            return command;
          }
        }
        return null;
      } else if (!arg.startsWith("--home=")
          && !arg.startsWith("--config=")
          && !arg.startsWith("--env-file=")
          && !arg.equals("--stacktrace")) {
        return null; // --help, --version, or an option picocli will reject with all commands known
      }
    }
    return null;
  }
}
