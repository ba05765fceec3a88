package dev.runner.engine;

import java.time.Instant;
import java.util.Map;

/**
 * What a tick decided about one fire: run it, or record why not. {@code notes} go into the row's
 * message (skipped fires, the reason for a skip).
 */
public record Decision(String task, Instant scheduledFor, boolean run, Map<String, Object> notes) {
  public Decision {
    notes = Map.copyOf(notes);
  }

  static Decision run(String task, Instant fire, Map<String, Object> notes) {
    return new Decision(task, fire, true, notes);
  }

  static Decision skip(String task, Instant fire, String reason, Map<String, Object> notes) {
    java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(notes);
    all.put("reason", reason);
    return new Decision(task, fire, false, all);
  }

  public String reason() {
    Object reason = notes.get("reason");
    return reason == null ? null : reason.toString();
  }
}
