package dev.runner.cli.docs;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script: commands, options and task names.",
      "bash: source <(runner completion bash)   zsh: source <(runner completion zsh)"
    })
public final class CompletionCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh")
  String shell;

  @Override
  public Integer call() {
    switch (shell) {
      case "bash" -> root.invocation().out().print(Completion.bash(root.invocation()));
      case "zsh" -> root.invocation().out().print(Completion.zsh(root.invocation()));
      default -> throw new UsageException("completion for bash or zsh, not '" + shell + "'");
    }
    return ExitCode.OK;
  }
}
