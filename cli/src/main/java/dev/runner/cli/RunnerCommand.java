package dev.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code runner}: the command tree and the per-invocation context its commands share. */
@Command(
    name = "runner",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A task runner for a personal or intranet server, driven by cron.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:a task failed",
      "2:bad usage or invalid configuration",
      "3:busy: another process holds what is needed",
      "4:internal error (the stack trace is in logs/task.log)",
      "5:the home's storage cannot be used: disk full, database locked, damaged or read-only"
    })
public final class RunnerCommand implements Runnable {

  private final Invocation invocation;

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "The home folder (default: $RUNNER_HOME, else the current directory).")
  String homeOption;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "The task file (default: HOME/tasks_config.json).")
  String configOption;

  @Option(
      names = "--env-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "The secrets and settings file (default: HOME/.env).")
  String envFileOption;

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal error.")
  boolean stacktrace;

  private final Session session;

  RunnerCommand(Invocation invocation) {
    this.invocation = invocation;
    this.session = new Session(invocation, this::homeOptions);
  }

  /** A root with these options set, as picocli would set them (FastHistory reads them itself). */
  public RunnerCommand(Invocation invocation, HomeOptions options) {
    this(invocation);
    this.homeOption = options.home();
    this.configOption = options.config();
    this.envFileOption = options.envFile();
  }

  public Invocation invocation() {
    return invocation;
  }

  public HomeOptions homeOptions() {
    return new HomeOptions(homeOption, configOption, envFileOption);
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "a command is needed, e.g. `runner list` or `runner tick`");
  }

  public Session session() {
    return session;
  }
}
