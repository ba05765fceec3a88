package dev.runner.engine;

import dev.runner.config.TaskDef;
import dev.runner.schedule.Schedule;
import dev.runner.schedule.Schedule.FireCount;
import dev.runner.store.PendingRetry;
import dev.runner.store.TaskState;
import dev.runner.task.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which fires run: a pure function of (tasks, stored state, tasks with a live run, now),
 * testable without a database or processes (docs/catchup.md, "Watermarks"). It looks at the fires
 * in {@code (watermark, now]} and never asks "does this minute match?", so a late or skipped tick
 * loses nothing.
 */
public final class Planner {

  /** {@code catchup: all} claims at most this many fires a tick; the rest wait for the next. */
  static final int MAX_CATCHUP_RUNS = 100;

  /** {@code catchup: none} still runs a fire this young: cron's own start-up jitter. */
  static final Duration NONE_GRACE = Duration.ofSeconds(90);

  public Plan plan(
      List<TaskDef> tasks, Map<String, TaskState> states, Set<String> liveTasks, Instant now) {
    return plan(tasks, states, liveTasks, List.of(), now);
  }

  /**
   * As above, with the stored retries now due: each runs unless its task is disabled or still
   * running (then it waits for a later tick); those of tasks gone from the config are dropped.
   */
  public Plan plan(
      List<TaskDef> tasks,
      Map<String, TaskState> states,
      Set<String> liveTasks,
      List<PendingRetry> dueRetries,
      Instant now) {
    List<Decision> decisions = new ArrayList<>();
    List<PendingRetry> taken = new ArrayList<>();
    for (PendingRetry retry : dueRetries) {
      Optional<TaskDef> task =
          tasks.stream().filter(t -> t.name().equals(retry.taskName())).findFirst();
      boolean waits =
          task.isPresent()
              && (!task.get().enabled()
                  || (liveTasks.contains(retry.taskName())
                      && task.get().overlap() == TaskDef.Overlap.SKIP));
      if (!waits) {
        taken.add(retry);
        task.ifPresent(
            t -> decisions.add(Decision.retry(t.name(), retry.scheduledFor(), retry.attempt())));
      }
    }
    List<TaskState> updated = new ArrayList<>();
    for (TaskDef task : tasks) {
      TaskState state = states.get(task.name());
      if (state == null) {
        // First sight: start from now. An unanchored interval runs its latest grid fire at once;
        // a cron waits.
        Instant watermark =
            task.schedule() == null ? now : task.schedule().firstSightWatermark(now);
        state = TaskState.firstSight(task.name(), watermark, now);
      }
      TaskState next = planTask(task, state, liveTasks.contains(task.name()), now, decisions);
      if (!next.equals(states.get(task.name()))) {
        updated.add(next);
      }
    }
    return new Plan(decisions, updated, taken);
  }

  private TaskState planTask(
      TaskDef task, TaskState state, boolean live, Instant now, List<Decision> out) {
    if (now.isBefore(state.watermark())) {
      return state; // the clock went back: wait until it passes the watermark again
    }
    Optional<Schedule> compiled = task.compile(state.anchor());
    if (compiled.isEmpty()) {
      return state.withWatermark(now);
    }
    Schedule schedule = compiled.get();
    FireCount fires = schedule.count(state.watermark(), now);
    if (fires.count() == 0) {
      return state.withWatermark(now);
    }
    if (!task.enabled()) {
      return quiet(
          task,
          state,
          fires,
          "disabled",
          "the task is disabled; its fires are dropped" + " until it is enabled",
          now,
          out);
    }
    Long cap = task.maxExecutions();
    if (cap != null && state.scheduledRuns() >= cap) {
      return quiet(
          task, state, fires, "max_executions", "max_executions (" + cap + ") reached", now, out);
    }
    TaskState current = state.quietReason() == null ? state : state.withQuietReason(null);
    if (task.window() != null) {
      return planWindow(task, current, schedule, live, now, out);
    }

    List<Instant> toRun = new ArrayList<>();
    Map<String, Object> notes = new LinkedHashMap<>();
    Instant watermark = now;
    switch (task.catchup()) {
      case LATEST -> {
        toRun.add(fires.last());
        if (fires.count() > 1) {
          notes.put("skipped_fires", fires.count() - 1);
        }
      }
      case ALL -> {
        Instant cursor = current.watermark();
        for (int i = 0; i < MAX_CATCHUP_RUNS; i++) {
          Optional<Instant> fire = schedule.next(cursor).filter(f -> !f.isAfter(now));
          if (fire.isEmpty()) {
            break;
          }
          toRun.add(fire.get());
          cursor = fire.get();
        }
        if (fires.count() > MAX_CATCHUP_RUNS) {
          watermark = cursor; // the rest are claimed by the next ticks
        }
      }
      case NONE -> {
        if (Duration.between(fires.last(), now).compareTo(NONE_GRACE) < 0) {
          toRun.add(fires.last());
          if (fires.count() > 1) {
            notes.put("skipped_fires", fires.count() - 1);
          }
        } else {
          Map<String, Object> late = new LinkedHashMap<>();
          late.put("skipped_fires", fires.count());
          out.add(
              Decision.skip(
                  task.name(),
                  fires.last(),
                  "late: the fire is "
                      + Duration.between(fires.last(), now).toSeconds()
                      + "s old and catchup is none",
                  late));
        }
      }
    }
    long scheduledRuns = current.scheduledRuns();
    for (Instant fire : toRun) {
      if (cap != null && scheduledRuns >= cap) {
        out.add(Decision.skip(task.name(), fire, "max_executions (" + cap + ") reached", Map.of()));
      } else if (live && task.overlap() == TaskDef.Overlap.SKIP) {
        out.add(
            Decision.skip(task.name(), fire, "overlap: the previous run is still running", notes));
      } else {
        out.add(Decision.run(task.name(), fire, notes));
        scheduledRuns++;
      }
    }
    return current.withWatermark(watermark).withScheduledRuns(scheduledRuns);
  }

  /**
   * A window task (docs/windows.md, "Which window a fire runs"): a fire runs the first window not
   * yet done, once it is complete; the windows after it follow in the same process (the engine
   * chains them), so a failed window is always run again before later ones and windows never
   * overlap or leave gaps.
   */
  private TaskState planWindow(
      TaskDef task,
      TaskState state,
      Schedule schedule,
      boolean live,
      Instant now,
      List<Decision> out) {
    Duration size = task.windowSize();
    Instant next = state.windowNext();
    if (next == null) {
      Instant configured = task.windowStart();
      next =
          configured != null
              ? configured
              : schedule.next(state.watermark()).orElse(now).minus(size);
    }
    TaskState updated = state.withWatermark(now).withWindowNext(next);
    Window window = new Window(next, next.plus(size));
    if (window.end().isAfter(now)) {
      return updated; // the window is not over yet
    }
    if (live && task.overlap() == TaskDef.Overlap.SKIP) {
      out.add(
          Decision.skip(
              task.name(), window.end(), "overlap: the previous run is still running", Map.of()));
      return updated;
    }
    out.add(Decision.window(task.name(), window, Map.of()));
    return updated.withScheduledRuns(state.scheduledRuns() + 1);
  }

  /**
   * A standing reason not to run (disabled, cap reached) is recorded once, on the first fire it
   * drops, and not again until it changes: "why didn't it run?" stays answered without a row a
   * minute.
   */
  private TaskState quiet(
      TaskDef task,
      TaskState state,
      FireCount fires,
      String key,
      String reason,
      Instant now,
      List<Decision> out) {
    if (!key.equals(state.quietReason())) {
      out.add(
          Decision.skip(
              task.name(),
              fires.last(),
              reason,
              fires.count() > 1 ? Map.of("skipped_fires", fires.count()) : Map.of()));
    }
    return state.withWatermark(now).withQuietReason(key);
  }
}
