package dev.runner.cli.install;

import dev.runner.cli.UsageException;
import picocli.CommandLine.Command;

/** {@code runner install}: holds {@code cron} and {@code systemd}. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = "Print (or --write) what makes cron or systemd run `runner tick` every minute.",
    subcommands = {InstallCron.class, InstallSystemd.class})
public final class InstallCommand implements Runnable {
  @Override
  public void run() {
    throw new UsageException("say which: `runner install cron` or `runner install systemd`");
  }
}
