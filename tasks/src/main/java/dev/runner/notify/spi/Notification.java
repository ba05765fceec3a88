package dev.runner.notify.spi;

import dev.runner.task.Templates;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One event as a channel sends it.
 *
 * @param values the template variables: the run's ({@code task_id}, {@code execution_status},
 *     {@code execution_log_tail}, ...) and the rule's ({@code event}, {@code rule_name}, {@code
 *     threshold_count}), secrets already masked
 * @param environment the process environment with the {@code .env} entries, where a channel finds
 *     its settings ({@code SMTP_HOST})
 * @param timeout the time the channel has to deliver it
 */
public record Notification(
    Map<String, String> values, Map<String, String> environment, Duration timeout) {

  public Notification {
    values = Map.copyOf(values);
    environment = Map.copyOf(environment);
  }

  /** {@code template} with each {@code {{variable}}} replaced by its value. */
  public String render(String template) {
    return Templates.render(template, values, false);
  }

  /** The same for a JSON document: the values are JSON-escaped, so it stays valid. */
  public String renderJson(String template) {
    return Templates.render(template, values, true);
  }

  /** One variable of {@link #environment()}; a blank one counts as unset. */
  public Optional<String> env(String key) {
    return Optional.ofNullable(environment.get(key)).filter(v -> !v.isBlank());
  }
}
