package dev.runner.cli.shell;

import dev.runner.cli.HomeOptions;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "An interactive prompt over the same commands: `list`, `run daily_journal`, `history`...",
      "Tab completes commands, options and task names; the prompt shows how many tasks are",
      "running and failing; history is kept in HOME/.runner/shell_history. Ctrl-D or `exit` ends."
    })
public final class ShellCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    Path history = root.session().home().dir().resolve(".runner").resolve("shell_history");
    try (Terminal terminal = TerminalBuilder.builder().name("runner").system(true).build()) {
      Shell shell =
          new Shell(inv, globalOptions(), terminal, history, root.session()::reloadConfig);
      return shell.loop();
    }
  }

  /** The shell's own --home, --config and --env-file, given again to every command it runs. */
  private List<String> globalOptions() {
    HomeOptions given = root.homeOptions();
    List<String> options = new ArrayList<>();
    add(options, "--home", given.home());
    add(options, "--config", given.config());
    add(options, "--env-file", given.envFile());
    return options;
  }

  private void add(List<String> options, String name, String value) {
    if (value != null) {
      options.add(name);
      options.add(root.invocation().workingDir().resolve(Path.of(value)).toString());
    }
  }
}
