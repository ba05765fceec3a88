package dev.runner.config;

import dev.runner.notify.spi.ChannelFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A channel type's view of one channel object of a notification rule. */
final class ChannelFieldsView implements ChannelFields {
  private final ObjectFields fields;
  private final Environment environment;

  ChannelFieldsView(ObjectFields fields, Environment environment) {
    this.fields = fields;
    this.environment = environment;
  }

  @Override
  public String taskName() {
    return fields.task;
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
    return fields.string(field);
  }

  @Override
  public Optional<List<String>> strings(String field) {
    return fields.strings(field);
  }

  @Override
  public Optional<List<String>> list(String field) {
    if (!(fields.value(field) instanceof JsonValue.Str single)) {
      return fields.strings(field);
    }
    List<String> items = new ArrayList<>();
    for (String item : fields.expand(single.value(), field).split("[,;\\s]+")) {
      if (!item.isBlank()) {
        items.add(item);
      }
    }
    return Optional.of(items);
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
  public Optional<Object> value(String field) {
    JsonValue value = fields.value(field);
    return value == null ? Optional.empty() : Optional.ofNullable(fields.expandAll(value, field));
  }

  @Override
  public Optional<String> template(String field) {
    Optional<String> text = fields.rawString(field);
    text.ifPresent(t -> checkTemplate(field, t));
    return text;
  }

  @Override
  public void checkTemplate(String field, String template) {
    for (String unknown : Template.unknownVariables(template)) {
      String hint = Suggest.didYouMean(unknown, Template.VARIABLES);
      fields.problem(
          field,
          "unknown variable {{" + unknown + "}}",
          hint != null ? hint : "see README, Notifications, for the variables");
    }
  }

  @Override
  public void problem(String field, String message, String hint) {
    fields.problem(field, message, hint);
  }
}
