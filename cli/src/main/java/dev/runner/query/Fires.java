package dev.runner.query;

import dev.runner.config.TaskDef;
import dev.runner.schedule.Schedule;
import dev.runner.store.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The next fires of a schedule, for {@code runner next} and {@code runner cron}. */
public final class Fires {

  private Fires() {}

  /**
   * The task's schedule as the planner reads it: from the anchor its state keeps or, for a task not
   * seen yet, from {@code now}, the anchor its first sight will give it. Empty for a manual task.
   */
  public static Optional<Schedule> of(TaskDef task, TaskState state, Instant now) {
    return task.compile(state == null ? now : state.anchor());
  }

  /** The first fire after {@code after} of the task's schedule ({@link #of}). */
  public static Optional<Instant> after(TaskDef task, TaskState state, Instant now, Instant after) {
    return of(task, state, now).flatMap(s -> s.next(after));
  }

  /** Up to {@code count} fires after {@code from}, in order; fewer when the schedule ends. */
  public static List<Instant> next(Schedule schedule, Instant from, int count) {
    List<Instant> fires = new ArrayList<>();
    Instant cursor = from;
    for (int i = 0; i < count; i++) {
      Optional<Instant> next = schedule.next(cursor);
      if (next.isEmpty()) {
        break;
      }
      cursor = next.get();
      fires.add(cursor);
    }
    return fires;
  }
}
