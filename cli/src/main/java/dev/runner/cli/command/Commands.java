package dev.runner.cli.command;

import dev.runner.cli.docs.CompletionCommand;
import dev.runner.cli.docs.ManCommand;
import dev.runner.cli.install.InstallCommand;
import dev.runner.cli.install.UninstallCommand;
import dev.runner.cli.shell.ShellCommand;
import java.util.List;

/**
 * Every command under {@code runner}, in the order --help lists them. Listed here, beside most of
 * them, so that they need not be public for the command line to add them.
 */
public final class Commands {

  private Commands() {}

  public static final List<Class<?>> ALL =
      List.of(
          TickCommand.class,
          DaemonCommand.class,
          WebCommand.class,
          TokenCommand.class,
          RunCommand.class,
          ListCommand.class,
          StatusCommand.class,
          HostsCommand.class,
          HistoryCommand.class,
          LogsCommand.class,
          CancelCommand.class,
          EnableCommand.class,
          DisableCommand.class,
          ValidateCommand.class,
          NextCommand.class,
          DepsCommand.class,
          BackfillCommand.class,
          NotifyCommand.class,
          CronCommand.class,
          StatsCommand.class,
          ShellCommand.class,
          PruneCommand.class,
          DbCommand.class,
          StateCommand.class,
          InitCommand.class,
          CompletionCommand.class,
          ManCommand.class,
          InstallCommand.class,
          UninstallCommand.class);
}
