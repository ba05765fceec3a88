package dev.runner.notify.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A channel object's fields as its {@link ChannelType} reads them. As with a task's fields, a value
 * of the wrong JSON type is reported as a problem (with the file position) and read as absent, and
 * strings are expanded for {@code ${VAR}}; templates are read as written, since their {@code
 * {{variables}}} are filled in when a notification is sent.
 */
public interface ChannelFields {

  /** The task whose notification rule holds the channel. */
  String taskName();

  /** A value of {@code .env} or the process environment (a blank one counts as unset). */
  Optional<String> env(String key);

  boolean has(String field);

  Optional<String> string(String field);

  Optional<List<String>> strings(String field);

  /**
   * An array of strings, or one string of items separated by commas, semicolons or white space
   * ({@code "me@example.com, you@example.com"}).
   */
  Optional<List<String>> list(String field);

  Optional<Map<String, String>> stringMap(String field);

  Optional<Boolean> bool(String field);

  Optional<Long> integer(String field);

  /** The field as plain Java values: String, Long, Double, Boolean, List, Map. */
  Optional<Object> value(String field);

  /**
   * A template, as written; each {@code {{variable}}} it names that no notification has is
   * reported, with a "did you mean".
   */
  Optional<String> template(String field);

  /** Reports each unknown {@code {{variable}}} of {@code template}, which {@code field} holds. */
  void checkTemplate(String field, String template);

  /** Reports a problem with {@code field} of this channel (null: the channel as a whole). */
  void problem(String field, String message, String hint);
}
