package dev.runner.query;

import dev.runner.engine.StateAhead;
import dev.runner.store.RunOutcome;
import dev.runner.store.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One task as {@code list} and the console's task page show it.
 *
 * @param scheduleParts the schedule for a front end to say in words ({@link ScheduleParts}); null
 *     for an invalid task
 * @param next the next fire a tick would run; null when disabled or the schedule has no more
 * @param lastStatus the latest outcome; null before the first
 * @param running whether a run of it is in progress now
 * @param recent its latest final runs, newest first, at most {@link TaskStats#RECENT}: what the
 *     overview's sparkline draws
 * @param ahead its watermark, when that is ahead of the clock (see {@code runner state reset})
 * @param problems why it is invalid and does not run; empty for a valid task (an invalid one has
 *     only its name, its outcomes so far and these)
 * @param hosts the hosts that run it; empty for any host (and for an invalid task)
 */
public record TaskRow(
    String name,
    boolean enabled,
    String type,
    String schedule,
    Map<String, Object> scheduleParts,
    String zone,
    Instant next,
    RunStatus lastStatus,
    boolean running,
    long successes,
    long failures,
    List<RunOutcome> recent,
    String description,
    StateAhead.Ahead ahead,
    List<String> problems,
    List<String> hosts) {

  public TaskRow {
    recent = List.copyOf(recent);
    problems = List.copyOf(problems);
    hosts = List.copyOf(hosts);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
