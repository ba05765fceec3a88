package dev.runner.engine;

import dev.runner.store.Trigger;
import dev.runner.task.Window;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tick decided about one fire: run it (first attempt from the schedule, or a stored retry),
 * or record why not. {@code notes} go into the row's message (skipped fires, a skip's reason).
 */
public record Decision(
    String task,
    Instant scheduledFor,
    boolean run,
    int attempt,
    Trigger trigger,
    Window window,
    Map<String, Object> notes) {
  public Decision {
    notes = Map.copyOf(notes);
  }

  static Decision run(String task, Instant fire, Map<String, Object> notes) {
    return new Decision(task, fire, true, 1, Trigger.SCHEDULE, null, notes);
  }

  static Decision retry(String task, Instant fire, int attempt) {
    return new Decision(task, fire, true, attempt, Trigger.RETRY, null, Map.of());
  }

  static Decision skip(String task, Instant fire, String reason, Map<String, Object> notes) {
    Map<String, Object> all = new LinkedHashMap<>(notes);
    all.put("reason", reason);
    return new Decision(task, fire, false, 1, Trigger.SCHEDULE, null, all);
  }

  /** A window task's run: for {@code window}, keyed by the window's end. */
  static Decision window(String task, Window window, Map<String, Object> notes) {
    return new Decision(task, window.end(), true, 1, Trigger.SCHEDULE, window, notes);
  }

  public String reason() {
    Object reason = notes.get("reason");
    return reason == null ? null : reason.toString();
  }
}
