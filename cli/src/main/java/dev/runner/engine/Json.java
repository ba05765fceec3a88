package dev.runner.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON text for history messages and {@code --json} output. */
public final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON-friendly: " + value, e);
    }
  }

  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON-friendly: " + value, e);
    }
  }

  /** A stored message as a map; text that is not a JSON object comes back under "text". */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(String text) {
    if (text == null || text.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Object value = MAPPER.readValue(text, Object.class);
      if (value instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
    } catch (JsonProcessingException ignored) {
      // fall through: keep the raw text
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("text", text);
    return raw;
  }
}
