package dev.runner.query;

import dev.runner.config.InvalidTask;
import dev.runner.config.Problem;
import dev.runner.engine.StateAhead;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One home at a glance, what {@code runner status} prints and the console's front page shows:
 * whether anything drives it, what runs now, what failed last, what waits, and what a person should
 * look at. Front ends format it; none of them decides what needs attention.
 *
 * @param lastPass when a tick or the daemon last passed over the home; null before the first
 * @param daemonPid the daemon serving the home, or null when none does
 * @param problems why the configuration is refused as a whole (no task runs); empty when it loads
 * @param invalid the tasks of a configuration that loads that are invalid (the others run)
 */
public record HomeStatus(
    Instant now,
    Instant lastPass,
    String daemonPid,
    Instant daemonBeat,
    List<Running> running,
    List<Failing> failing,
    List<PendingRetry> retries,
    List<StateAhead.Ahead> ahead,
    List<Problem> problems,
    List<InvalidTask> invalid,
    List<Attention> attention) {

  /** A tick or daemon pass older than this means nothing is calling runner. */
  public static final Duration PASS_STALE = Duration.ofMinutes(3);

  public HomeStatus {
    running = List.copyOf(running);
    failing = List.copyOf(failing);
    retries = List.copyOf(retries);
    ahead = List.copyOf(ahead);
    problems = List.copyOf(problems);
    invalid = List.copyOf(invalid);
    attention = List.copyOf(attention);
  }

  /**
   * A run in progress.
   *
   * @param ownerAlive whether the process that owns it still lives; null when it runs on another
   *     host, which this one cannot see
   */
  public record Running(
      long runId,
      String task,
      Instant started,
      Duration elapsed,
      String host,
      Long pid,
      Long childPid,
      Boolean ownerAlive) {}

  /** A task whose latest outcome is a failure, with that run. */
  public record Failing(String task, RunStatus status, Long runId, Instant at, String summary) {}

  /** Something a person should act on; {@code subject} is the task, when it is about one. */
  public record Attention(Kind kind, String subject) {}

  public enum Kind {
    /** No tick or daemon pass was ever recorded. */
    NEVER_PASSED,
    /** The last pass is older than {@link #PASS_STALE}. */
    PASS_STALE,
    /** The configuration is refused as a whole: no task runs. */
    CONFIG_INVALID,
    /** A task is invalid: it does not run, the others do. */
    TASK_INVALID,
    TASK_FAILING,
    STATE_AHEAD,
    /** A row says running, but its owner on this host is gone: the next tick marks it crashed. */
    OWNER_GONE
  }
}
