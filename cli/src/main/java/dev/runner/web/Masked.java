package dev.runner.web;

import dev.runner.config.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer's values with every string masked by the home's secrets, keys included: run output and
 * messages are masked when stored, but a config value or a problem's message may quote a value from
 * {@code .env}, and no answer may carry one (docs/secrets.md).
 */
final class Masked {

  private Masked() {}

  static Object of(Object value, Redactor redactor) {
    if (value instanceof String text) {
      return redactor.redact(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(redactor.redact(String.valueOf(k)), of(v, redactor)));
      return out;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(item -> out.add(of(item, redactor)));
      return out;
    }
    return value;
  }
}
