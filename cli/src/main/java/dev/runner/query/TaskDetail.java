package dev.runner.query;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.schedule.DaylightNotes;
import dev.runner.schedule.NotedFire;
import dev.runner.schedule.ScheduleException;
import dev.runner.schedule.ScheduleSpec;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One task as the console's task page and {@code GET /api/v1/tasks/{name}} show it: its row as
 * {@code list} has it, the schedule's next fires, its latest final outcome and its runs under way,
 * its fields as written, the tasks it waits for and those that wait for it, its notification rules
 * and how far its windows are done.
 *
 * @param zone the task's zone, in which its fires are told
 * @param nextFires the schedule's next {@link #NEXT} fires, as {@code runner next} gives them (a
 *     disabled task's too), with their daylight-saving notes; empty for a manual or invalid task
 * @param lastRun the latest final outcome (what {@code last_status} is); null before the first
 * @param running its runs in progress now, on any host
 * @param fields its object as {@code tasks_config.json} has it ({@code ${VAR}} unexpanded); null
 *     when its value is no object
 * @param upstream the tasks its {@code depends_on} names; empty for an invalid task
 * @param downstream the valid tasks whose {@code depends_on} names it, in file order
 * @param notifyRules its notification rules; null for an invalid task, whose rules were not read
 * @param lastDeliveries what each rule last sent on each channel ({@link LastDeliveries})
 * @param window how far its windows are done; null unless it is a valid window task
 */
public record TaskDetail(
    TaskRow row,
    ZoneId zone,
    List<NotedFire> nextFires,
    RunRecord lastRun,
    List<RunRecord> running,
    Map<String, Object> fields,
    List<String> upstream,
    List<String> downstream,
    List<TaskDef.NotifyRule> notifyRules,
    List<LastDeliveries.Sent> lastDeliveries,
    WindowProgress window) {

  public static final int NEXT = 10;

  public TaskDetail {
    nextFires = List.copyOf(nextFires);
    running = List.copyOf(running);
    fields = fields == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    upstream = List.copyOf(upstream);
    downstream = List.copyOf(downstream);
    notifyRules = notifyRules == null ? null : List.copyOf(notifyRules);
    lastDeliveries = List.copyOf(lastDeliveries);
  }

  /**
   * A window task's windows.
   *
   * @param size each window's length
   * @param start where its first window starts when the config says ({@code window.start}, else
   *     {@code start_time}); null when that is its first fire less the size
   * @param doneUntil its windows are done up to here, the end of the last successful one; null
   *     until one has succeeded
   * @param resumeFrom where its next window starts, and a backfill "from the last window's end"
   *     ({@link BackfillPlan#resumeFrom}); null before its first is planned
   */
  public record WindowProgress(
      Duration size, Instant start, Instant doneUntil, Instant resumeFrom) {}

  private record Rows(TaskState state, RunRecord lastRun, List<RunRecord> running) {}

  /** The task named, valid or invalid; empty when the config has no task of that name. */
  public static Optional<TaskDetail> read(
      RunnerConfig config, Store store, String name, Instant now) {
    Optional<TaskRow> row = TaskRows.read(config, store, now, name::equals).stream().findFirst();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Optional<TaskDef> task = config.task(name);
    List<TaskDef.NotifyRule> rules = task.map(TaskDef::notifyRules).orElse(null);
    Rows rows =
        store.inTransaction(
            tx ->
                new Rows(
                    tx.states().get(name),
                    tx.lastOutcome(name).orElse(null),
                    tx.running().stream().filter(r -> r.taskName().equals(name)).toList()));
    // outside the transaction: it holds the claim lock, and these need no snapshot with the rest
    boolean succeeded =
        !store.history(new HistoryQuery(name, Set.of(RunStatus.SUCCESS), null, 1, 0)).isEmpty();
    List<LastDeliveries.Sent> deliveries =
        rules == null ? List.of() : LastDeliveries.read(store, name, rules);
    ZoneId zone = task.map(TaskDef::zone).orElse(config.settings().zone());
    Instant from = from(rows.state(), now);
    List<NotedFire> fires =
        task.flatMap(t -> Fires.of(t, rows.state(), now))
            .map(
                schedule ->
                    NotedFire.of(
                        Fires.next(schedule, from, NEXT), from, zone, cronNotes(task.get(), zone)))
            .orElse(List.of());
    List<String> downstream =
        config.tasks().stream()
            .filter(t -> t.dependsOn().contains(name))
            .map(TaskDef::name)
            .toList();
    WindowProgress window =
        task.filter(t -> t.window() != null)
            .map(t -> window(t, rows.state(), succeeded))
            .orElse(null);
    return Optional.of(
        new TaskDetail(
            row.get(),
            zone,
            fires,
            rows.lastRun(),
            rows.running(),
            config.written(name).orElse(null),
            task.map(TaskDef::dependsOn).orElse(List.of()),
            downstream,
            rules,
            deliveries,
            window));
  }

  private static WindowProgress window(TaskDef task, TaskState state, boolean succeeded) {
    Instant resume = BackfillPlan.resumeFrom(task, state);
    return new WindowProgress(
        task.windowSize(), task.windowStart(), succeeded ? resume : null, resume);
  }

  private static DaylightNotes cronNotes(TaskDef task, ZoneId zone) {
    if (!(task.schedule() instanceof ScheduleSpec.CronSpec cron)) {
      return null;
    }
    try {
      return new DaylightNotes(cron.expression(), zone);
    } catch (ScheduleException e) {
      throw new IllegalStateException("validated cron no longer parses: " + cron.expression(), e);
    }
  }

  /** Fires up to a watermark ahead of the clock are decided: the next ones come after it. */
  private static Instant from(TaskState state, Instant now) {
    return state == null || state.watermark().isBefore(now) ? now : state.watermark();
  }
}
