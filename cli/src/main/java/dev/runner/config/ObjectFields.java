package dev.runner.config;

import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Durations;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one JSON object within a task, with typed reads that report a wrong type once and
 * read it as absent. {@code prefix} is the path inside the task ({@code repeat}, ...).
 */
final class ObjectFields {
  private final Path file;
  private final List<Problem> problems;
  private final Environment environment;
  final String task;
  final String prefix;
  final JsonValue.Obj obj;

  ObjectFields(
      Path file, List<Problem> problems, Environment environment, String task, JsonValue.Obj obj) {
    this(file, problems, environment, task, "", obj);
  }

  private ObjectFields(
      Path file,
      List<Problem> problems,
      Environment environment,
      String task,
      String prefix,
      JsonValue.Obj obj) {
    this.file = file;
    this.problems = problems;
    this.environment = environment;
    this.task = task;
    this.prefix = prefix;
    this.obj = obj;
  }

  ObjectFields nested(String field, JsonValue.Obj inner, Set<String> allowed) {
    ObjectFields nested = new ObjectFields(file, problems, environment, task, path(field), inner);
    for (JsonValue.Member member : inner.members().values()) {
      if (!allowed.contains(member.key())) {
        String hint = Suggest.didYouMean(member.key(), allowed);
        nested.problemAt(
            member.keyPosition(),
            member.key(),
            "unknown field",
            hint != null ? hint : "known: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    return nested;
  }

  String path(String field) {
    if (field == null) {
      return prefix;
    }
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  boolean has(String field) {
    return obj.members().containsKey(field);
  }

  JsonValue value(String field) {
    return obj.get(field);
  }

  void problem(String field, String message, String hint) {
    JsonValue at = field == null ? null : obj.get(field);
    problemAt(at == null ? obj.position() : at.position(), field, message, hint);
  }

  void problemAt(Position position, String field, String message, String hint) {
    String where = path(field);
    problems.add(
        new Problem(file, position, where.isEmpty() ? task : task + "." + where, message, hint));
  }

  private void wrongType(String field, String expected) {
    problem(field, "expected " + expected + ", found " + value(field).kind(), null);
  }

  /** The field's value if it is of {@code type}; a value of another type is reported. */
  private <T extends JsonValue> Optional<T> typed(String field, Class<T> type, String expected) {
    JsonValue value = value(field);
    if (value == null) {
      return Optional.empty();
    }
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    wrongType(field, expected);
    return Optional.empty();
  }

  Optional<String> rawString(String field) {
    return typed(field, JsonValue.Str.class, "a string").map(JsonValue.Str::value);
  }

  Optional<String> string(String field) {
    return rawString(field).map(s -> expand(s, field));
  }

  Optional<List<String>> rawStrings(String field) {
    Optional<JsonValue.Arr> array = typed(field, JsonValue.Arr.class, "an array of strings");
    if (array.isPresent()) {
      List<String> out = new ArrayList<>();
      for (JsonValue item : array.get().items()) {
        if (item instanceof JsonValue.Str s) {
          out.add(s.value());
        } else {
          problemAt(
              item.position(), field, "expected strings in the array, found " + item.kind(), null);
          return Optional.empty();
        }
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }

  Optional<List<String>> strings(String field) {
    return rawStrings(field).map(list -> list.stream().map(s -> expand(s, field)).toList());
  }

  Optional<Map<String, String>> stringMap(String field) {
    Optional<JsonValue.Obj> object = typed(field, JsonValue.Obj.class, "an object of strings");
    if (object.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonValue.Member m : object.get().members().values()) {
      if (m.value() instanceof JsonValue.Str s) {
        out.put(m.key(), expand(s.value(), field + "." + m.key()));
      } else if (m.value() instanceof JsonValue.Num n) {
        out.put(m.key(), n.value().toString());
      } else if (m.value() instanceof JsonValue.Bool b) {
        out.put(m.key(), Boolean.toString(b.value()));
      } else {
        problemAt(
            m.value().position(),
            field + "." + m.key(),
            "expected a string, found " + m.value().kind(),
            null);
      }
    }
    return Optional.of(out);
  }

  Optional<JsonValue.Obj> object(String field) {
    return typed(field, JsonValue.Obj.class, "an object");
  }

  Optional<Boolean> bool(String field) {
    return typed(field, JsonValue.Bool.class, "true or false").map(JsonValue.Bool::value);
  }

  Optional<Long> integer(String field) {
    JsonValue value = value(field);
    if (value instanceof JsonValue.Num n && !n.integral()) {
      wrongType(field, "a whole number");
      return Optional.empty();
    }
    if (value instanceof JsonValue.Num n
        && n.value() instanceof BigInteger big
        && big.bitLength() > 63) {
      // longValue() would silently keep only the low bits of such a number
      problem(field, "the number " + abbreviated(big.toString()) + " is too large", null);
      return Optional.empty();
    }
    return typed(field, JsonValue.Num.class, "a whole number").map(n -> n.value().longValue());
  }

  private static String abbreviated(String digits) {
    return digits.length() <= 24
        ? digits
        : digits.substring(0, 20) + "… (" + digits.length() + " digits)";
  }

  Optional<Double> number(String field) {
    return typed(field, JsonValue.Num.class, "a number").map(n -> n.value().doubleValue());
  }

  Optional<Long> positiveLong(String field) {
    return integer(field)
        .filter(
            n -> {
              if (n < 1) {
                problem(field, "must be 1 or more, found " + n, null);
                return false;
              }
              return true;
            });
  }

  Optional<Integer> rangedInt(String field, int min, int max) {
    return integer(field)
        .filter(
            n -> {
              if (n < min || n > max) {
                problem(field, n + " is out of range " + min + "-" + max, null);
                return false;
              }
              return true;
            })
        .map(Long::intValue);
  }

  Optional<Duration> duration(String field) {
    return string(field)
        .flatMap(
            text -> {
              try {
                return Optional.of(Durations.parse(text));
              } catch (IllegalArgumentException e) {
                problem(field, e.getMessage(), null);
                return Optional.empty();
              }
            });
  }

  Optional<Duration> positiveDuration(String field) {
    return duration(field)
        .filter(
            d -> {
              if (d.isZero() || d.isNegative()) {
                problem(field, "must be longer than zero", null);
                return false;
              }
              return true;
            });
  }

  Optional<DateTimeText> dateTime(String field) {
    return string(field)
        .flatMap(
            text -> {
              try {
                return Optional.of(DateTimeText.parse(text));
              } catch (IllegalArgumentException e) {
                problem(field, e.getMessage(), null);
                return Optional.empty();
              }
            });
  }

  <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
    return string(field)
        .flatMap(
            text -> {
              try {
                return Optional.of(Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
              } catch (IllegalArgumentException e) {
                List<String> names =
                    Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                        .toList();
                String hint = Suggest.didYouMean(text, names);
                problem(field, "'" + text + "' is not one of " + String.join(", ", names), hint);
                return Optional.empty();
              }
            });
  }

  /** Replaces {@code ${VAR}} from the environment; {@code $${} writes a literal {@code ${}. */
  String expand(String text, String field) {
    if (!text.contains("${")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          problem(field, "an unclosed ${ in \"" + text + "\"", "write $${ for a literal ${");
          return text;
        }
        String variable = text.substring(i + 2, close);
        String value = environment.get(variable);
        if (value == null) {
          problem(
              field,
              "${" + variable + "} is not set",
              "define " + variable + " in .env or the environment");
        } else {
          out.append(value);
        }
        i = close + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  /** Plain values of a JSON object, with every string expanded. */
  Object expandAll(JsonValue value, String field) {
    if (value instanceof JsonValue.Str s) {
      return expand(s.value(), field);
    }
    if (value instanceof JsonValue.Obj o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.members().forEach((k, m) -> map.put(k, expandAll(m.value(), field + "." + k)));
      return Collections.unmodifiableMap(map);
    }
    if (value instanceof JsonValue.Arr a) {
      List<Object> list = new ArrayList<>();
      for (JsonValue item : a.items()) {
        list.add(expandAll(item, field));
      }
      return Collections.unmodifiableList(list);
    }
    return JsonValue.toPlain(value);
  }
}
