package dev.runner.cli.install;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = "Undo `install`: this home's crontab line, and the systemd units if written.")
public final class UninstallCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(
      names = "--name",
      paramLabel = "UNIT",
      description = "Unit name (default: the one `install systemd` gives this home).")
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
        new Installation(
            root.invocation(), root.session().home().dir(), !user && Installation.runningAsRoot());
    if (cron) {
      installation.rewriteCrontab(null);
      root.invocation().out().println("removed this home's line from your crontab, if it had one");
    }
    Path folder = installation.unitFolder();
    List<String> names = new ArrayList<>();
    names.add(name == null ? installation.unitName() : name);
    if (name == null && installation.serves(folder.resolve("runner.service"))) {
      names.add("runner"); // what runners before per-home names wrote for this home
    }
    List<String> units = new ArrayList<>();
    for (String unitName : names) {
      for (String unit : List.of(unitName + ".timer", unitName + ".service")) {
        units.add(unit);
        if (Files.deleteIfExists(folder.resolve(unit))) {
          root.invocation().out().println("removed " + folder.resolve(unit));
        }
      }
    }
    root.invocation()
        .out()
        .println(
            "if they were enabled: "
                + installation.systemctl()
                + " disable --now "
                + String.join(" ", units)
                + "; "
                + installation.systemctl()
                + " daemon-reload");
    return ExitCode.OK;
  }
}
