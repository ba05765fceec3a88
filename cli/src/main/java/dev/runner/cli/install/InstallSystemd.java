package dev.runner.cli.install;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "systemd",
    mixinStandardHelpOptions = true,
    description = {
      "A service and a timer (every minute, Persistent=true) for this home, or with --daemon",
      "one service running `runner daemon`: printed, or with --write put in",
      "~/.config/systemd/user (/etc/systemd/system for root). They are named after the home",
      "(runner-DIR-HASH), so two homes never share a unit."
    })
final class InstallSystemd implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--write", description = "Write the two unit files.")
  boolean write;

  @Option(
      names = "--name",
      paramLabel = "UNIT",
      description = "Unit name (default: runner-DIR-HASH, from the home's path).")
  String name;

  @Option(names = "--user", description = "User units even as root (~/.config/systemd/user).")
  boolean user;

  @Option(
      names = "--daemon",
      description = "A service running `runner daemon` instead of a timer running `tick`.")
  boolean daemon;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    root.session().config();
    Installation installation =
        new Installation(
            root.invocation(), root.session().home().dir(), !user && Installation.runningAsRoot());
    String name = this.name == null ? installation.unitName() : this.name;
    if (!name.matches("[A-Za-z0-9_.@-]+")) {
      throw new UsageException(
          "--name: '" + name + "' is not a unit name; use letters, digits, '_', '.', '@', '-'");
    }
    Map<String, String> units = new LinkedHashMap<>();
    if (daemon) {
      units.put(name + ".service", installation.daemonService());
    } else {
      units.put(name + ".service", installation.service(name));
      units.put(name + ".timer", installation.timer(name));
    }
    if (!write) {
      String separator = "";
      for (Map.Entry<String, String> unit : units.entrySet()) {
        root.invocation().out().print(separator + "# " + unit.getKey() + "\n" + unit.getValue());
        separator = "\n";
      }
      return ExitCode.OK;
    }
    Path folder = installation.unitFolder();
    Path stale = folder.resolve(name + ".timer");
    if (daemon && Files.exists(stale)) {
      // a timer left from tick mode would start the daemon's service every minute
      Files.delete(stale);
      root.invocation().out().println("removed " + stale + " (tick mode's timer)");
    }
    for (Map.Entry<String, String> unit : units.entrySet()) {
      Installation.writeFile(folder.resolve(unit.getKey()), unit.getValue());
      root.invocation().out().println("wrote " + folder.resolve(unit.getKey()));
    }
    Path earlier = folder.resolve("runner.service");
    if (!name.equals("runner") && installation.serves(earlier)) {
      // an earlier runner named this home's units runner; both would drive the home
      root.invocation()
          .out()
          .println(
              "note: "
                  + earlier
                  + " from an earlier install runs this home too; `runner uninstall` removes it");
    }
    String systemctl = installation.systemctl();
    root.invocation()
        .out()
        .println(
            "enable it: "
                + systemctl
                + " daemon-reload && "
                + systemctl
                + " enable --now "
                + name
                + (daemon ? ".service" : ".timer"));
    if (!installation.system()) {
      root.invocation()
          .out()
          .println(
              "to keep it running while you are logged out: loginctl" + " enable-linger $USER");
    }
    return ExitCode.OK;
  }
}
