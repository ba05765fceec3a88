package dev.runner.engine;

import dev.runner.store.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Tasks whose watermark is ahead of the clock, as a {@code tick --now} in the future leaves them:
 * fires up to the watermark count as decided, so real ticks run nothing of theirs, silently, until
 * the clock gets there. Told by {@code tick}, {@code list} and undone by {@code runner state
 * reset}.
 */
public final class StateAhead {

  /** Ahead by more than this is not a clock's drift or a daemon's early wake. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StateAhead() {}

  public record Ahead(String task, Instant watermark, Duration by) {}

  public static List<Ahead> find(Collection<TaskState> states, Instant now) {
    List<Ahead> ahead = new ArrayList<>();
    for (TaskState state : states) {
      of(state, now).ifPresent(ahead::add);
    }
    return ahead;
  }

  public static Optional<Ahead> of(TaskState state, Instant now) {
    return isAhead(state, now)
        ? Optional.of(
            new Ahead(
                state.taskName(), state.watermark(), Duration.between(now, state.watermark())))
        : Optional.empty();
  }

  public static boolean isAhead(TaskState state, Instant now) {
    return state.watermark().isAfter(now.plus(TOLERANCE));
  }

  /** "26 h", "3 d", "40 min": how far ahead, for messages. */
  public static String describe(Duration by) {
    if (by.toDays() >= 2) {
      return by.toDays() + " d";
    }
    if (by.toHours() >= 2) {
      return by.toHours() + " h";
    }
    return by.toMinutes() + " min";
  }
}
