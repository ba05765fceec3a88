package dev.runner.engine;

import dev.runner.notify.Delivery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@code message}: the JSON object its row keeps beside the columns. The engine writes it
 * through the {@code with…} methods, the read model and the notifications read it through the typed
 * accessors, and nothing else names its keys. A task type's own details come first, in the order it
 * gave them; every key keeps the place it was first written at, which is the order {@code history
 * --json} prints.
 */
public record RunMessage(Map<String, Object> fields) {

  /** When the next attempt of a failed run starts, in the task's zone. */
  public record Retry(int attempt, String at) {}

  public RunMessage {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static RunMessage empty() {
    return new RunMessage(Map.of());
  }

  /** A row's message; text that is not a JSON object comes back under {@code text}. */
  public static RunMessage parse(String json) {
    return new RunMessage(Json.readObject(json));
  }

  public String json() {
    return Json.write(fields);
  }

  // ---- reading

  /** Why the run failed, in one line (absent for a success). */
  public Optional<String> error() {
    return text("error");
  }

  /** A successful run's one line from its task type. */
  public Optional<String> summary() {
    return text("summary");
  }

  /** Why a fire was not run, or a claim was given up. */
  public Optional<String> reason() {
    return text("reason");
  }

  /** The last lines the run printed, masked. */
  public Optional<String> outputTail() {
    return text("output_tail");
  }

  public Optional<Retry> retry() {
    if (fields.get("retry") instanceof Map<?, ?> retry
        && retry.get("attempt") instanceof Number attempt) {
      return Optional.of(new Retry(attempt.intValue(), String.valueOf(retry.get("at"))));
    }
    return Optional.empty();
  }

  public List<Delivery> notifications() {
    List<Delivery> found = new ArrayList<>();
    if (fields.get("notifications") instanceof List<?> sent) {
      for (Object item : sent) {
        if (item instanceof Map<?, ?> d) {
          found.add(
              new Delivery(
                  String.valueOf(d.get("rule")),
                  String.valueOf(d.get("event")),
                  String.valueOf(d.get("channel")),
                  Boolean.TRUE.equals(d.get("ok")),
                  d.get("answer") == null ? null : String.valueOf(d.get("answer"))));
        }
      }
    }
    return found;
  }

  /**
   * The part a person wants first (the error, the reason, the summary, or the last line of output),
   * then what its notifications did: the one line of {@code history}, {@code status} and the
   * console.
   */
  public String oneLine() {
    // no lambdas: this is on the path of `history`, the command people run most
    Optional<String> first = error();
    if (first.isEmpty()) {
      first = reason();
    }
    if (first.isEmpty()) {
      first = summary();
    }
    if (first.isEmpty() && outputTail().isPresent()) {
      first = Optional.of(lastLine(outputTail().get()));
    }
    String text = first.orElse("");
    List<Delivery> sent = notifications();
    if (!sent.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Delivery d : sent) {
        parts.add(d.rule() + "/" + d.channel() + " " + (d.ok() ? "ok" : "failed"));
      }
      text = (text.isEmpty() ? "" : text + " ") + "[notified " + String.join(", ", parts) + "]";
    }
    return text;
  }

  private Optional<String> text(String key) {
    Object value = fields.get(key);
    return value == null || value.toString().isBlank()
        ? Optional.empty()
        : Optional.of(value.toString());
  }

  private static String lastLine(String text) {
    String[] lines = text.split("\n");
    return lines[lines.length - 1];
  }

  // ---- writing

  public RunMessage withError(String error) {
    return with("error", error);
  }

  public RunMessage withSummary(String summary) {
    return with("summary", summary);
  }

  public RunMessage withReason(String reason) {
    return with("reason", reason);
  }

  public RunMessage withOutputTail(String tail) {
    return with("output_tail", tail);
  }

  public RunMessage withRetry(Retry retry) {
    // in this order: Map.of's would change from one JVM to the next
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("attempt", retry.attempt());
    note.put("at", retry.at());
    return with("retry", note);
  }

  /** A run that never began, claimed again as this attempt. */
  public RunMessage withQueuedAgain(int attempt) {
    return with("queued_again", Map.of("attempt", attempt));
  }

  /** A crashed run's process group, stopped so it cannot overlap the next run. */
  public RunMessage withLeftovers(String leftovers) {
    return with("leftovers", leftovers);
  }

  public RunMessage withNotifications(List<Delivery> deliveries) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Delivery d : deliveries) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("rule", d.rule());
      item.put("event", d.event());
      item.put("channel", d.channel());
      item.put("ok", d.ok());
      item.put("answer", d.answer());
      list.add(item);
    }
    return with("notifications", list);
  }

  /** The notes of a claim or of its run's log (skipped fires, the upstream, a lost log), added. */
  public RunMessage withNotes(Map<String, Object> notes) {
    Map<String, Object> next = new LinkedHashMap<>(fields);
    next.putAll(notes);
    return new RunMessage(next);
  }

  private RunMessage with(String key, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(fields);
    next.put(key, value);
    return new RunMessage(next);
  }
}
