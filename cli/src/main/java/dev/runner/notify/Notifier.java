package dev.runner.notify;

import dev.runner.config.Environment;
import dev.runner.config.TaskDef;
import dev.runner.config.TaskDef.NotifyRule;
import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.Notification;
import dev.runner.store.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The notification rules of a task, as an event system: after each final outcome the engine asks
 * which rules fire; each firing rule's channels consume the event. A channel that fails is recorded
 * and never fails the run.
 */
public final class Notifier {

  /**
   * The time a channel has to deliver: a webhook's whole exchange, each step of an SMTP
   * conversation. A server that accepts and never answers fails the delivery instead of holding the
   * run's worker.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Environment env;
  private final UnaryOperator<String> redact;
  private final Duration timeout;

  public Notifier(Environment env, UnaryOperator<String> redact) {
    this(env, redact, TIMEOUT);
  }

  /** With another bound for every channel: a test makes it short. */
  Notifier(Environment env, UnaryOperator<String> redact, Duration timeout) {
    this.env = env;
    this.redact = redact;
    this.timeout = timeout;
  }

  /**
   * Sends what the task's rules ask for after an outcome. {@code newestFirst} holds the task's
   * final outcomes, this one first; {@code values} the template variables of this run.
   */
  public List<Delivery> afterOutcome(
      TaskDef task, List<RunStatus> newestFirst, Map<String, String> values) {
    List<Delivery> deliveries = new ArrayList<>();
    for (NotifyRule rule : task.notifyRules()) {
      Optional<String> event = Streaks.event(rule, newestFirst);
      if (event.isPresent()) {
        int streak =
            event.get().equals("recovered")
                ? Streaks.streak(rule, newestFirst, 1)
                : Streaks.streak(rule, newestFirst, 0);
        deliveries.addAll(send(rule, event.get(), streak, values));
      }
    }
    return deliveries;
  }

  /** Sends one rule's event through its channels; also what {@code runner notify test} does. */
  public List<Delivery> send(
      NotifyRule rule, String event, int streak, Map<String, String> runValues) {
    Map<String, String> values = new LinkedHashMap<>(runValues);
    values.put("event", event);
    values.put("rule_name", rule.name());
    values.put("threshold_count", Integer.toString(streak));
    values.replaceAll((k, v) -> v == null ? "" : redact.apply(v));
    Notification notification = new Notification(values, env.forChildren(), timeout);
    List<Delivery> deliveries = new ArrayList<>();
    for (Channel channel : rule.channels()) {
      try {
        String answer = Objects.requireNonNullElse(channel.send(notification), "");
        // a peer may echo the request, secrets and all: its answer is stored in the run's row
        deliveries.add(
            new Delivery(rule.name(), event, channel.label(), true, redact.apply(answer)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        deliveries.add(new Delivery(rule.name(), event, channel.label(), false, "interrupted"));
      } catch (Exception | LinkageError e) {
        String reason = reason(e);
        deliveries.add(
            new Delivery(rule.name(), event, channel.label(), false, redact.apply(reason)));
      }
    }
    return deliveries;
  }

  /** The exception and its causes in one line: "could not connect: Connection refused". */
  private static String reason(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 500; t = t.getCause()) {
      String part = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (text.indexOf(part) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(part);
      }
    }
    return text.toString();
  }
}
