package dev.runner.cli.docs;

import dev.runner.cli.ExitCode;
import dev.runner.cli.FullCommandLine;
import dev.runner.cli.RunnerCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "man",
    mixinStandardHelpOptions = true,
    description = {
      "Print the manual page (roff), written from the same command tree as --help.",
      "Read it with: runner man | man -l -   (installed as share/man/man1/runner.1)"
    })
public final class ManCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Override
  public Integer call() {
    root.invocation().out().print(ManPage.roff(FullCommandLine.tree(root.invocation())));
    return ExitCode.OK;
  }
}
