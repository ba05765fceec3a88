package dev.runner.web;

import dev.runner.config.Suggest;
import dev.runner.engine.Json;
import java.util.List;
import java.util.Map;

/**
 * A request body that is one JSON object, read field by field: text that is not JSON, a field not
 * known and a field of the wrong type are each a 400 problem that names the field.
 */
final class JsonBody {

  private final Map<String, Object> fields;

  private JsonBody(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** The body, whose fields are among {@code known}; blank is an empty object. */
  static JsonBody parse(String text, List<String> known) {
    if (text.isBlank()) {
      return new JsonBody(Map.of());
    }
    Map<String, Object> fields;
    try {
      fields = Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    for (String key : fields.keySet()) {
      if (!known.contains(key)) {
        String hint = Suggest.didYouMean(key, known);
        throw bad(
            "unknown field \""
                + key
                + "\"; "
                + (hint != null
                    ? hint
                    : known.isEmpty()
                        ? "send {} or nothing"
                        : "the fields are " + String.join(", ", known)));
      }
    }
    return new JsonBody(fields);
  }

  /** The body as the object it is, for a body that is a task's fields. */
  static Map<String, Object> object(String text) {
    if (text.isBlank()) {
      throw bad("the body is empty; send the task's fields as a JSON object");
    }
    try {
      return Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  /** A field as JSON gave it; null when absent. */
  Object get(String name) {
    return fields.get(name);
  }

  /** A string field that must be there. */
  String string(String name) {
    Object value = fields.get(name);
    if (!(value instanceof String text)) {
      throw bad(name + (value == null ? " is required" : " must be a string"));
    }
    return text;
  }

  /** An object field that must be there. */
  @SuppressWarnings("unchecked")
  Map<String, Object> object(String name, String what) {
    Object value = fields.get(name);
    if (!(value instanceof Map<?, ?>)) {
      throw bad(name + (value == null ? " is required: " : " must be an object: ") + what);
    }
    return (Map<String, Object>) value;
  }

  static ApiProblem bad(String why) {
    return ApiProblem.of(400, ApiProblem.BAD_BODY, "Bad request body", why);
  }
}
