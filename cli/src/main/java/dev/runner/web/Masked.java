package dev.runner.web;

import dev.runner.access.TokenSecret;
import dev.runner.config.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer's values with every string masked by the home's secrets, keys included: run output and
 * messages are masked when stored, but a config value or a problem's message may quote a value from
 * {@code .env}, and no answer may carry one (docs/secrets.md); nor an API token a client put in a
 * path.
 */
final class Masked {

  private Masked() {}

  /** One string masked: the home's secrets, and whatever looks like an API token. */
  static String text(String text, Redactor redactor) {
    return TokenSecret.mask(redactor.redact(text));
  }

  static Object of(Object value, Redactor redactor) {
    if (value instanceof String text) {
      return text(text, redactor);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(text(String.valueOf(k), redactor), of(v, redactor)));
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
