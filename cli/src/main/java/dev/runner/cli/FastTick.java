package dev.runner.cli;

import dev.runner.config.Home;
import dev.runner.engine.IdleRecord;
import dev.runner.engine.PassMark;
import java.time.Instant;

/**
 * The idle tick: {@code runner [--home DIR] tick} with nothing due and nothing changed since the
 * last full tick answers from {@link IdleRecord} before picocli, the config parser, the database or
 * the logging are loaded. Any other arguments, or any doubt, take the full path.
 */
final class FastTick {

  private FastTick() {}

  /** True when the tick was answered here (exit 0, nothing to do). */
  static boolean answered(Invocation invocation, String[] args) {
    String home = null;
    boolean tick = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("tick") && !tick) {
        tick = true;
      } else if (arg.equals("--home") && i + 1 < args.length && home == null) {
        home = args[++i];
      } else if (arg.startsWith("--home=") && home == null) {
        home = arg.substring("--home=".length());
      } else {
        return false;
      }
    }
    if (!tick) {
      return false;
    }
    Home resolved =
        Home.resolve(home, null, null, invocation.environment(), invocation.workingDir());
    Instant now = invocation.clock().instant();
    boolean idle =
        IdleRecord.idle(
            resolved.dir(),
            new IdleRecord.Inputs(
                resolved.configFile(), resolved.envFile(), invocation.environment()),
            now);
    if (idle) {
      PassMark.record(resolved.dir(), now);
    }
    if (idle && invocation.terminal()) {
      invocation.out().println("tick: nothing was due");
      invocation.out().flush();
    }
    return idle;
  }
}
