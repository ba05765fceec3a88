package dev.runner.cli.install;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "cron",
    mixinStandardHelpOptions = true,
    description = {
      "The crontab line for this home: printed, or with --write added to your crontab",
      "(replacing this home's earlier line)."
    })
final class InstallCron implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--write", description = "Add the line to the crontab (crontab -l, crontab -).")
  boolean write;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    root.session().config(); // a broken home is reported before it is wired to cron
    Installation installation =
        new Installation(root.invocation(), root.session().home().dir(), false);
    String line = installation.cronLine();
    if (!write) {
      root.invocation().out().println(line);
      root.invocation()
          .err()
          .println("runner: add it with `crontab -e`, or run `runner install cron --write`");
      return ExitCode.OK;
    }
    installation.rewriteCrontab(line);
    root.invocation().out().println("added to your crontab: " + line);
    root.invocation().out().println("check with `crontab -l`; undo with `runner uninstall`");
    return ExitCode.OK;
  }
}
