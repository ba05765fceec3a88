package dev.runner.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * JSON text for history messages and {@code --json} output, over Jackson's streaming core: the
 * values here are plain maps, lists, strings, numbers and booleans, and the object mapper's
 * start-up would cost more than every command that prints history.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  public static String write(Object value) {
    return write(value, false);
  }

  public static String pretty(Object value) {
    return write(value, true);
  }

  private static String write(Object value, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (pretty) {
        generator.useDefaultPrettyPrinter();
      }
      writeValue(generator, value, UnaryOperator.identity());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The value as UTF-8 JSON with every key and string passed through {@code strings} as it is
   * written: an answer masked without a copy of its tree, nor of its text (a task list is large).
   */
  public static byte[] utf8(Object value, UnaryOperator<String> strings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writeValue(generator, value, strings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator out, Object value, UnaryOperator<String> strings)
      throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeFieldName(strings.apply(String.valueOf(entry.getKey())));
        writeValue(out, entry.getValue(), strings);
      }
      out.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      out.writeStartArray();
      for (Object item : items) {
        writeValue(out, item, strings);
      }
      out.writeEndArray();
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      out.writeNumber(n.doubleValue());
    } else {
      out.writeString(strings.apply(value.toString()));
    }
  }

  /** A stored message as a map; text that is not a JSON object comes back under "text". */
  public static Map<String, Object> readObject(String text) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return result;
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) readValue(parser);
        return map;
      }
    } catch (IOException ignored) {
      // fall through: keep the raw text
    }
    result.put("text", text);
    return result;
  }

  /**
   * A JSON object sent to runner (the API's request bodies), read strictly: nothing before or after
   * it, no duplicate keys.
   *
   * @throws IllegalArgumentException when the text is not one JSON object, saying where
   */
  public static Map<String, Object> parseObject(String text) {
    try (JsonParser parser =
        FACTORY.createParser(text).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) readValue(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("text after the JSON object");
      }
      return map;
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      int cut = message.indexOf('\n');
      throw new IllegalArgumentException(
          "not valid JSON: " + (cut < 0 ? message : message.substring(0, cut)), e);
    }
  }

  private static Object readValue(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            map.put(key, readValue(parser));
          }
          return map;
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(parser));
          }
          return list;
        }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      default:
        return null;
    }
  }
}
