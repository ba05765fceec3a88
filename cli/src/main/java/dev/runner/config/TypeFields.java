package dev.runner.config;

import dev.runner.task.TaskType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A task type's view of the task: its own fields, expanded unless declared verbatim. */
final class TypeFields implements dev.runner.task.TaskFields {
  private final ObjectFields fields;
  private final TaskType type;
  private final boolean enabled;
  private final Environment environment;

  TypeFields(ObjectFields fields, TaskType type, boolean enabled, Environment environment) {
    this.fields = fields;
    this.type = type;
    this.enabled = enabled;
    this.environment = environment;
  }

  private boolean verbatim(String field) {
    return type.verbatimFields().contains(field);
  }

  @Override
  public String taskName() {
    return fields.task;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<String> env(String key) {
    return Optional.ofNullable(environment.get(key)).filter(v -> !v.isBlank());
  }

  @Override
  public boolean has(String field) {
    return fields.has(field);
  }

  @Override
  public Optional<String> string(String field) {
    return verbatim(field) ? fields.rawString(field) : fields.string(field);
  }

  @Override
  public Optional<List<String>> strings(String field) {
    return verbatim(field) ? fields.rawStrings(field) : fields.strings(field);
  }

  @Override
  public Optional<Map<String, String>> stringMap(String field) {
    return fields.stringMap(field);
  }

  @Override
  public Optional<Boolean> bool(String field) {
    return fields.bool(field);
  }

  @Override
  public Optional<Long> integer(String field) {
    return fields.integer(field);
  }

  @Override
  public Optional<Duration> duration(String field) {
    return fields.duration(field);
  }

  @Override
  public Optional<Object> value(String field) {
    JsonValue value = fields.value(field);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        verbatim(field) ? JsonValue.toPlain(value) : fields.expandAll(value, field));
  }

  @Override
  public void problem(String field, String message, String hint) {
    fields.problem(field, message, hint);
  }
}
