package dev.runner.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value with the position it was read from, so every problem found later can point at its
 * line and column, and {@code enable}/{@code disable} can edit the file in place.
 */
public sealed interface JsonValue {

  Position position();

  /** What a person calls this kind of value in a message: "a string", "an object". */
  String kind();

  record Obj(Map<String, Member> members, Position position, int endOffset) implements JsonValue {
    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public JsonValue get(String key) {
      Member member = members.get(key);
      return member == null ? null : member.value();
    }

    @Override
    public String kind() {
      return "an object";
    }
  }

  record Member(String key, Position keyPosition, JsonValue value) {}

  record Arr(List<JsonValue> items, Position position) implements JsonValue {
    public Arr {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "an array";
    }
  }

  record Str(String value, Position position) implements JsonValue {
    @Override
    public String kind() {
      return "a string";
    }
  }

  /** A number as written; {@code integral} when it has no fraction or exponent. */
  record Num(Number value, boolean integral, Position position) implements JsonValue {
    @Override
    public String kind() {
      return "a number";
    }
  }

  record Bool(boolean value, Position position) implements JsonValue {
    @Override
    public String kind() {
      return "a boolean";
    }
  }

  record Null(Position position) implements JsonValue {
    @Override
    public String kind() {
      return "null";
    }
  }

  /** Plain Java values (String, Long, Double, Boolean, List, Map, null), for task params. */
  static Object toPlain(JsonValue value) {
    if (value instanceof Obj o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.members().forEach((k, m) -> map.put(k, toPlain(m.value())));
      return Collections.unmodifiableMap(map);
    }
    if (value instanceof Arr a) {
      return Collections.unmodifiableList(a.items().stream().map(JsonValue::toPlain).toList());
    }
    if (value instanceof Str s) {
      return s.value();
    }
    if (value instanceof Num n) {
      return n.value();
    }
    if (value instanceof Bool b) {
      return b.value();
    }
    return null;
  }
}
