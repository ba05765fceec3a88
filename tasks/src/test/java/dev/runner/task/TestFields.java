package dev.runner.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's own fields as the loader hands them to its {@link TaskType}, from the JSON object a test
 * writes. Values are read as they are written ({@code ${VAR}} is the loader's business, not the
 * type's); a value of the wrong JSON type is a problem and reads as absent, as in the loader.
 * Problems read as the loader prints them after the file position: {@code task.field: message;
 * hint}.
 */
public final class TestFields implements TaskFields {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final String taskName;
  private final Map<String, Object> fields;
  private final Map<String, String> env = new HashMap<>();
  private boolean enabled = true;
  private final List<String> problems = new ArrayList<>();

  private TestFields(String taskName, Map<String, Object> fields) {
    this.taskName = taskName;
    this.fields = fields;
  }

  /** The fields of task {@code taskName}, written as a JSON object. */
  @SuppressWarnings("unchecked")
  public static TestFields of(String taskName, String json) {
    try {
      return new TestFields(taskName, JSON.readValue(json, LinkedHashMap.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + json, e);
    }
  }

  /** A value of {@code .env}. */
  public TestFields env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public TestFields disabled() {
    enabled = false;
    return this;
  }

  /** Configures {@code type} with these fields; fails if it reported a problem. */
  public Task configure(TaskType type) {
    Task task = type.configure(this);
    if (!problems.isEmpty()) {
      throw new AssertionError(taskName + " is not valid:\n" + String.join("\n", problems));
    }
    return task;
  }

  /** The problems {@code type} reports with these fields. */
  public List<String> problems(TaskType type) {
    type.configure(this);
    return List.copyOf(problems);
  }

  @Override
  public String taskName() {
    return taskName;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<String> env(String key) {
    return Optional.ofNullable(env.get(key)).filter(v -> !v.isBlank());
  }

  @Override
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  @Override
  public Optional<String> string(String field) {
    return typed(field, String.class, "a string");
  }

  @Override
  public Optional<List<String>> strings(String field) {
    Optional<List<?>> list = typed(field, List.class, "an array of strings").map(l -> (List<?>) l);
    if (list.isPresent() && !list.get().stream().allMatch(String.class::isInstance)) {
      problem(field, "expected strings in the array", null);
      return Optional.empty();
    }
    return list.map(l -> l.stream().map(String.class::cast).toList());
  }

  @Override
  public Optional<Map<String, String>> stringMap(String field) {
    Optional<Map<?, ?>> map =
        typed(field, Map.class, "an object of strings").map(m -> (Map<?, ?>) m);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.get()
        .forEach(
            (k, v) -> {
              if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(k.toString(), v.toString());
              } else {
                problem(field + "." + k, "expected a string", null);
              }
            });
    return Optional.of(out);
  }

  @Override
  public Optional<Boolean> bool(String field) {
    return typed(field, Boolean.class, "true or false");
  }

  @Override
  public Optional<Long> integer(String field) {
    return typed(field, Long.class, "a whole number");
  }

  @Override
  public Optional<Object> value(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  /** The forms the tests write: {@code 250ms}, {@code 1s}, {@code 15m}, {@code 1h}, {@code 1d}. */
  @Override
  public Optional<Duration> duration(String field) {
    return string(field)
        .flatMap(
            text -> {
              Matcher matcher = DURATION.matcher(text);
              if (!matcher.matches()) {
                problem(field, "'" + text + "' is not a duration", null);
                return Optional.empty();
              }
              long amount = Long.parseLong(matcher.group(1));
              return Optional.of(
                  switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                  });
            });
  }

  @Override
  public void problem(String field, String message, String hint) {
    problems.add(
        (field == null ? taskName : taskName + "." + field)
            + ": "
            + message
            + (hint == null ? "" : "; " + hint));
  }

  private <T> Optional<T> typed(String field, Class<T> type, String expected) {
    Object value = fields.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      problem(field, "expected " + expected, null);
      return Optional.empty();
    }
    return Optional.of(type.cast(value));
  }
}
