package dev.runner.cli.shell;

import dev.runner.cli.ExitCode;
import dev.runner.cli.FullCommandLine;
import dev.runner.cli.Invocation;
import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * {@code runner shell}: reads a line, runs it through the same command line as {@code runner ...}
 * would (with the shell's home options in front), shows the result, and asks again.
 */
final class Shell {

  /** Commands that make no sense inside the prompt. */
  private static final Set<String> OUTSIDE = Set.of("shell", "daemon", "completion");

  private final Invocation outer;
  private final List<String> globalOptions;
  private final Terminal terminal;
  private final Path historyFile;
  private int lastExit;

  private final ShellPrompt.ConfigSource config;

  Shell(
      Invocation outer,
      List<String> globalOptions,
      Terminal terminal,
      Path historyFile,
      ShellPrompt.ConfigSource config) {
    this.outer = outer;
    this.config = config;
    this.globalOptions = List.copyOf(globalOptions);
    this.terminal = terminal;
    this.historyFile = historyFile;
  }

  int loop() throws IOException {
    ownerOnly(historyFile);
    Invocation inv = invocation();
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("runner")
            .completer(
                new ShellCompleter(FullCommandLine.tree(inv).getCommandSpec(), this::taskNames))
            .variable(LineReader.HISTORY_FILE, historyFile)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is just a character
            .build();
    ShellPrompt prompt = new ShellPrompt(() -> ShellPrompt.read(config), inv.colour());
    PrintWriter out = terminal.writer();
    // Ctrl-C while a command runs would end the JVM under it, leaving its runs to be found crashed
    terminal.handle(
        Terminal.Signal.INT,
        signal -> out.println(" (runner shell: the command goes on until it ends)"));
    out.println(
        "runner shell: the commands of `runner --help` without `runner`; Tab completes;"
            + " `help`, `exit` or Ctrl-D.");
    while (true) {
      String line;
      try {
        line = reader.readLine(prompt.render(lastExit));
      } catch (UserInterruptException e) {
        continue; // Ctrl-C drops the line being typed
      } catch (EndOfFileException e) {
        break;
      }
      List<String> words = new ArrayList<>(reader.getParsedLine().words());
      words.removeIf(String::isEmpty);
      if (words.isEmpty()) {
        continue;
      }
      String first = words.get(0);
      if (first.equals("exit") || first.equals("quit")) {
        break;
      }
      if (first.equals("help")) {
        words.set(0, "--help");
      }
      if (OUTSIDE.contains(first)) {
        out.println("runner shell: run `runner " + first + "` outside the shell");
        lastExit = ExitCode.USAGE;
        continue;
      }
      lastExit = run(words);
    }
    out.flush();
    return ExitCode.OK;
  }

  /** Made owner-only before jline writes to it: a typed line may hold a secret (--param). */
  private static Path ownerOnly(Path file) throws IOException {
    return PrivateFiles.create(file);
  }

  /** Runs one command line as {@code runner} would; its exit code. */
  int run(List<String> words) {
    List<String> args = new ArrayList<>(globalOptions);
    args.addAll(words);
    return FullCommandLine.run(invocation(), args.toArray(String[]::new));
  }

  /** The task names of the home, for completion; none while the config is invalid. */
  private List<String> taskNames() {
    java.io.StringWriter names = new java.io.StringWriter();
    List<String> args = new ArrayList<>(globalOptions);
    args.addAll(List.of("list", "--names"));
    Invocation quiet =
        new Invocation(
            new PrintWriter(names),
            new PrintWriter(java.io.Writer.nullWriter()),
            outer.environment(),
            outer.workingDir(),
            outer.clock(),
            false);
    FullCommandLine.run(quiet, args.toArray(String[]::new));
    return names.toString().lines().filter(l -> !l.isBlank()).toList();
  }

  private Invocation invocation() {
    return new Invocation(
        terminal.writer(),
        terminal.writer(),
        outer.environment(),
        outer.workingDir(),
        outer.clock(),
        outer.terminal());
  }
}
