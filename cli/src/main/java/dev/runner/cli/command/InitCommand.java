package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Start a home: a starter tasks_config.json and .env.example, then the next steps.",
      "Never overwrites a file without --force."
    })
final class InitCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "The home to create (default: --home, $RUNNER_HOME, or the current directory).")
  String dir;

  @Option(names = "--force", description = "Overwrite files that exist.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Invocation inv = root.invocation();
    Path home =
        dir != null ? inv.workingDir().resolve(dir).normalize() : root.session().home().dir();
    Files.createDirectories(home);
    List<String> written = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    StarterHome.write(home.resolve("tasks_config.json"), StarterHome.CONFIG, force, written, kept);
    StarterHome.write(home.resolve(".env.example"), StarterHome.ENV_EXAMPLE, force, written, kept);
    for (String file : written) {
      inv.out().println("wrote " + file);
    }
    for (String file : kept) {
      inv.err().println("runner: " + file + " exists; kept it (use --force to overwrite)");
    }
    String where = home.equals(inv.workingDir()) ? "" : " --home " + home;
    inv.out().println();
    inv.out().println("next steps:");
    inv.out()
        .println(
            "  cp "
                + home.resolve(".env.example")
                + " "
                + home.resolve(".env")
                + "   # and fill in what you use");
    inv.out().println("  runner" + where + " validate");
    inv.out().println("  runner" + where + " run hello");
    inv.out().println("  runner" + where + " install cron     # or: install systemd");
    return kept.isEmpty() ? ExitCode.OK : ExitCode.USAGE;
  }
}
