package dev.runner.query;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One task as the console's task page and {@code GET /api/v1/tasks/{name}} show it: its row as
 * {@code list} has it, the schedule's next fires, its latest final outcome and its runs under way.
 *
 * @param zone the task's zone, in which its fires are told
 * @param nextFires the schedule's next {@link #NEXT} fires, as {@code runner next} gives them (a
 *     disabled task's too); empty for a manual or invalid task
 * @param lastRun the latest final outcome (what {@code last_status} is); null before the first
 * @param running its runs in progress now, on any host
 */
public record TaskDetail(
    TaskRow row, ZoneId zone, List<Instant> nextFires, RunRecord lastRun, List<RunRecord> running) {

  public static final int NEXT = 10;

  public TaskDetail {
    nextFires = List.copyOf(nextFires);
    running = List.copyOf(running);
  }

  private record Rows(TaskState state, RunRecord lastRun, List<RunRecord> running) {}

  /** The task named, valid or invalid; empty when the config has no task of that name. */
  public static Optional<TaskDetail> read(
      RunnerConfig config, Store store, String name, Instant now) {
    Optional<TaskRow> row =
        TaskRows.read(config, store, now).stream().filter(r -> r.name().equals(name)).findFirst();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Rows rows =
        store.inTransaction(
            tx ->
                new Rows(
                    tx.states().get(name),
                    tx.lastOutcome(name).orElse(null),
                    tx.running().stream().filter(r -> r.taskName().equals(name)).toList()));
    Optional<TaskDef> task = config.task(name);
    ZoneId zone = task.map(TaskDef::zone).orElse(config.settings().zone());
    List<Instant> fires =
        task.flatMap(t -> Fires.of(t, rows.state(), now))
            .map(schedule -> Fires.next(schedule, from(rows.state(), now), NEXT))
            .orElse(List.of());
    return Optional.of(new TaskDetail(row.get(), zone, fires, rows.lastRun(), rows.running()));
  }

  /** Fires up to a watermark ahead of the clock are decided: the next ones come after it. */
  private static Instant from(TaskState state, Instant now) {
    return state == null || state.watermark().isBefore(now) ? now : state.watermark();
  }
}
