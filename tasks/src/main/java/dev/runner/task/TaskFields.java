package dev.runner.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task's own fields as its {@link TaskType} reads them. A value of the wrong JSON type is
 * reported as a problem (with the file position) and read as absent, so a type can read every field
 * and return; the loader shows every problem at once.
 */
public interface TaskFields {

  String taskName();

  /** Whether the task is enabled: a type may excuse a disabled task's missing secrets. */
  boolean enabled();

  /** A value of {@code .env} or the process environment. */
  Optional<String> env(String key);

  boolean has(String field);

  Optional<String> string(String field);

  Optional<List<String>> strings(String field);

  Optional<Map<String, String>> stringMap(String field);

  Optional<Boolean> bool(String field);

  Optional<Long> integer(String field);

  /**
   * The field as plain Java values: String, Long, Double, Boolean, List, Map (strings expanded for
   * {@code ${VAR}} unless the type declares the field verbatim).
   */
  Optional<Object> value(String field);

  /** A duration such as {@code "90s"}, {@code "15m"}, {@code "1h30m"}, {@code "1d"}. */
  Optional<Duration> duration(String field);

  /** Reports a problem with {@code field} of this task; {@code hint} may be null. */
  void problem(String field, String message, String hint);
}
