package dev.runner.cli;

import picocli.CommandLine;

/** The command line proper: picocli over {@link RunnerCommand}, with one exception handler. */
final class FullCommandLine {

  private FullCommandLine() {}

  static int run(Invocation invocation, String... args) {
    CommandLine line = new CommandLine(new RunnerCommand(invocation));
    line.setOut(invocation.out());
    line.setErr(invocation.err());
    line.setExecutionExceptionHandler(new Failures(invocation));
    line.setParameterExceptionHandler(
        (ex, arguments) -> {
          invocation.err().println("runner: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, invocation.err());
          invocation.err().println("Try 'runner " + commandPath(ex.getCommandLine()) + "--help'.");
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

  private static String commandPath(CommandLine line) {
    StringBuilder path = new StringBuilder();
    for (CommandLine c = line; c.getParent() != null; c = c.getParent()) {
      path.insert(0, c.getCommandName() + " ");
    }
    return path.toString();
  }
}
