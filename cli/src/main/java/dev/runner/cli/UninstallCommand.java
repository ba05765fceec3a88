package dev.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = "Undo `install`: this home's crontab line, and the systemd units if written.")
final class UninstallCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--name", defaultValue = "runner", description = "Unit name (default runner).")
  String name;

  @Option(names = "--user", description = "User units even as root.")
  boolean user;

  @Option(
      names = "--cron",
      negatable = true,
      defaultValue = "true",
      description = "Also edit the crontab (default: yes; --no-cron when there is no cron).")
  boolean cron;

  @Override
  public Integer call() throws Exception {
    Installation installation =
        new Installation(root.invocation, root.home().dir(), !user && Installation.runningAsRoot());
    if (cron) {
      installation.rewriteCrontab(null);
      root.invocation.out().println("removed this home's line from your crontab, if it had one");
    }
    Path folder = installation.unitFolder();
    for (String unit : new String[] {name + ".timer", name + ".service"}) {
      if (Files.deleteIfExists(folder.resolve(unit))) {
        root.invocation.out().println("removed " + folder.resolve(unit));
      }
    }
    root.invocation
        .out()
        .println(
            "if they were enabled: "
                + installation.systemctl()
                + " disable --now "
                + name
                + ".timer "
                + name
                + ".service; "
                + installation.systemctl()
                + " daemon-reload");
    return ExitCode.OK;
  }
}
