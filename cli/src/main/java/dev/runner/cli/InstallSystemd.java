package dev.runner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "systemd",
    mixinStandardHelpOptions = true,
    description = {
      "A runner.service and runner.timer (every minute, Persistent=true) for this home:",
      "printed, or with --write put in ~/.config/systemd/user (/etc/systemd/system for root)."
    })
final class InstallSystemd implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--write", description = "Write the two unit files.")
  boolean write;

  @Option(names = "--name", defaultValue = "runner", description = "Unit name (default runner).")
  String name;

  @Option(names = "--user", description = "User units even as root (~/.config/systemd/user).")
  boolean user;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    root.config();
    if (!name.matches("[A-Za-z0-9_.@-]+")) {
      throw new UsageException("--name: '" + name + "' is not a unit name");
    }
    Installation installation =
        new Installation(root.invocation, root.home().dir(), !user && Installation.runningAsRoot());
    String service = installation.service(name);
    String timer = installation.timer(name);
    if (!write) {
      root.invocation.out().println("# " + name + ".service");
      root.invocation.out().print(service);
      root.invocation.out().println();
      root.invocation.out().println("# " + name + ".timer");
      root.invocation.out().print(timer);
      return ExitCode.OK;
    }
    Path folder = installation.unitFolder();
    Installation.writeFile(folder.resolve(name + ".service"), service);
    Installation.writeFile(folder.resolve(name + ".timer"), timer);
    root.invocation.out().println("wrote " + folder.resolve(name + ".service"));
    root.invocation.out().println("wrote " + folder.resolve(name + ".timer"));
    String systemctl = installation.systemctl();
    root.invocation
        .out()
        .println(
            "enable it: "
                + systemctl
                + " daemon-reload && "
                + systemctl
                + " enable --now "
                + name
                + ".timer");
    if (!installation.system()) {
      root.invocation
          .out()
          .println(
              "to keep it running while you are logged out: loginctl" + " enable-linger $USER");
    }
    return ExitCode.OK;
  }
}
