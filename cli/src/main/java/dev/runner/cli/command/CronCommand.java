package dev.runner.cli.command;

import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.CronDescriptions;
import dev.runner.cli.render.FirePrinter;
import dev.runner.cli.render.Times;
import dev.runner.schedule.Cron;
import dev.runner.schedule.ScheduleException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "cron",
    mixinStandardHelpOptions = true,
    description = {
      "Preview a cron expression: its next fire times in a zone.",
      "Example: runner cron \"30 2 * * *\" --tz America/New_York --from 2026-03-07 -n 3"
    })
final class CronCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "EXPR", description = "5 fields, 6 with seconds first, or a macro.")
  String expression;

  @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone (default: the system's).")
  String zoneName;

  @Option(
      names = "--from",
      paramLabel = "ISO",
      description = "Start after this time (default now).")
  String from;

  @Option(names = "-n", defaultValue = "5", description = "How many (default 5).")
  int count;

  @Option(names = "--json", description = "Print a JSON array of instants.")
  boolean json;

  @Override
  public Integer call() {
    Invocation inv = root.invocation();
    ZoneId zone;
    try {
      zone = zoneName == null ? ZoneId.systemDefault() : ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      String hint = dev.runner.config.Suggest.didYouMean(zoneName, ZoneId.getAvailableZoneIds());
      throw new UsageException(
          "--tz: '"
              + zoneName
              + "' is not a time zone"
              + (hint != null ? "; " + hint : "; use an IANA name such as Asia/Shanghai"));
    }
    try {
      Instant start = from == null ? inv.clock().instant() : Times.parse(from, zone, "--from");
      return FirePrinter.print(
          inv,
          Cron.parse(expression, zone),
          start,
          count,
          zone,
          json,
          inv.terminal() ? CronDescriptions.describe(expression) : null);
    } catch (ScheduleException e) {
      throw new UsageException(
          "cron: " + e.getMessage() + (e.hint() == null ? "" : "; " + e.hint()));
    }
  }
}
