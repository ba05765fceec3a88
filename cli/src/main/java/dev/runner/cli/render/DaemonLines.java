package dev.runner.cli.render;

import dev.runner.query.DaemonHealth;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code runner daemon} says of itself and of another daemon serving the home. */
public final class DaemonLines {

  private DaemonLines() {}

  /** The {@code --status} line: none, passing, or stuck. */
  public static String health(Path home, Optional<DaemonHealth> health) {
    if (health.isEmpty()) {
      return "no runner daemon serves " + home;
    }
    String line =
        "runner daemon pid "
            + health.get().pid()
            + " serves "
            + home
            + "; last pass "
            + Times.ago(health.get().sinceLastPass());
    return health.get().stuck() ? line + ": it looks stuck (see logs/task.log)" : line;
  }

  /** Why this daemon does not start: {@code holder} is the other's pid, when it is known. */
  public static String busy(Path home, CharSequence holder) {
    return "another runner daemon"
        + (holder.isEmpty() ? "" : " (pid " + holder + ")")
        + " serves "
        + home
        + "; stop it first";
  }
}
