package dev.runner.cli.render;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.UsageException;
import dev.runner.engine.Json;
import dev.runner.query.Fires;
import dev.runner.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Prints the next fires of a schedule, for {@code next} and {@code cron}. */
public final class FirePrinter {
  private FirePrinter() {}

  public static int print(
      Invocation inv,
      Schedule schedule,
      Instant from,
      int count,
      ZoneId zone,
      boolean json,
      String description) {
    if (count < 1) {
      throw new UsageException("-n must be 1 or more");
    }
    List<String> fires =
        Fires.next(schedule, from, count).stream().map(at -> Times.iso(at, zone)).toList();
    if (json) {
      inv.out().println(Json.write(fires));
      return ExitCode.OK;
    }
    if (inv.terminal() && description != null) {
      inv.out().println(description);
    }
    if (fires.isEmpty()) {
      inv.out().println("no fires after " + Times.iso(from, zone));
    }
    fires.forEach(inv.out()::println);
    return ExitCode.OK;
  }
}
