package dev.runner.query;

import dev.runner.config.InvalidTask;
import dev.runner.config.Problem;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.StateAhead;
import dev.runner.store.Outcomes;
import dev.runner.store.RunOutcome;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The configured tasks with what the store knows of each, read in one transaction. */
public final class TaskRows {

  private TaskRows() {}

  private record Rows(
      Map<String, TaskState> states,
      Map<String, Outcomes> outcomes,
      Map<String, List<RunOutcome>> recent,
      Collection<RunRecord> running) {}

  public static List<TaskRow> read(RunnerConfig config, Store store, Instant now) {
    return read(config, store, now, name -> true);
  }

  /** The rows of the tasks {@code wanted} names: one task's page reads its own row only. */
  public static List<TaskRow> read(
      RunnerConfig config, Store store, Instant now, Predicate<String> wanted) {
    Rows rows =
        store.inTransaction(
            tx -> {
              Map<String, TaskState> states = tx.states();
              Map<String, Outcomes> outcomes = new HashMap<>();
              Map<String, List<RunOutcome>> recent = new HashMap<>();
              for (String task : config.names()) {
                if (!wanted.test(task)) {
                  continue;
                }
                TaskState state = states.get(task);
                outcomes.put(task, state != null ? Outcomes.of(state) : tx.outcomesFromRows(task));
                // Per task, not the latest runs of all: a task run once a week keeps its runs
                // beside one that runs every minute. Cancelled runs stay in, as in last_status
                // and notification streaks: TaskStats leaves them out of rates and durations, but
                // a sparkline computes nothing, it shows how each run ended, and the status badge
                // beside it (which a cancel sets) should be its newest bar.
                recent.put(task, tx.latestOutcomes(task, TaskStats.RECENT));
              }
              return new Rows(states, outcomes, recent, tx.running());
            });
    Set<String> running =
        rows.running().stream().map(RunRecord::taskName).collect(Collectors.toSet());
    List<TaskRow> out = new ArrayList<>();
    for (TaskDef task : config.tasks()) {
      if (!wanted.test(task.name())) {
        continue;
      }
      TaskState state = rows.states().get(task.name());
      Outcomes outcomes = rows.outcomes().get(task.name());
      out.add(
          new TaskRow(
              task.name(),
              task.enabled(),
              task.type(),
              task.scheduleText(),
              ScheduleParts.of(task.schedule(), task.dependsOn()),
              task.zone().getId(),
              next(task, state, now),
              outcomes.lastStatus(),
              running.contains(task.name()),
              outcomes.successes(),
              outcomes.failures(),
              rows.recent().get(task.name()),
              task.description(),
              state == null ? null : StateAhead.of(state, now).orElse(null),
              List.of(),
              task.hosts()));
    }
    for (InvalidTask task : config.invalid()) {
      if (!wanted.test(task.name())) {
        continue;
      }
      Outcomes outcomes = rows.outcomes().get(task.name());
      out.add(
          new TaskRow(
              task.name(),
              false,
              null,
              null,
              null,
              null,
              null,
              outcomes.lastStatus(),
              running.contains(task.name()),
              outcomes.successes(),
              outcomes.failures(),
              rows.recent().get(task.name()),
              null,
              null,
              task.problems().stream().map(Problem::toString).toList(),
              List.of()));
    }
    return out;
  }

  /** The fire the next tick runs: what the planner would decide, without deciding it. */
  private static Instant next(TaskDef task, TaskState state, Instant now) {
    if (!task.enabled()) {
      return null;
    }
    Long cap = task.maxExecutions();
    if (cap != null && state != null && state.scheduledRuns() >= cap) {
      return null; // the planner runs no more of its fires
    }
    boolean firstTickRunsIt =
        state == null
            && task.schedule() != null
            && task.schedule().firstSightWatermark(now).isBefore(now);
    if (firstTickRunsIt) {
      return now;
    }
    // fires up to the watermark are decided: one ahead of the clock holds the next fire back
    Instant after = state == null || state.watermark().isBefore(now) ? now : state.watermark();
    return Fires.after(task, state, now, after).orElse(null);
  }
}
