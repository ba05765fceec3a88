package dev.runner.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into {@link JsonValue}s with positions, using Jackson's streaming parser (the
 * tree is small and positions matter more than binding). A repeated key is a problem, not a silent
 * overwrite. Config files are written by hand, so {@code //} and block comments and trailing commas
 * are taken as VS Code's JSON with comments takes them, and a syntax error is told in a person's
 * words.
 */
final class JsonReader {

  private final JsonFactory factory =
      JsonFactory.builder()
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();

  /** A byte order mark, as Notepad writes at the start of a UTF-8 file. */
  static final String BOM = "\uFEFF";

  /** The text without its byte order mark, if it has one. */
  static String withoutBom(String text) {
    return text.startsWith(BOM) ? text.substring(1) : text;
  }

  /** Thrown for text that is not JSON; carries the position Jackson stopped at. */
  static final class SyntaxError extends Exception {
    final Position position;

    SyntaxError(String message, Position position) {
      super(message);
      this.position = position;
    }
  }

  JsonValue read(String text, List<Problem> duplicates, java.nio.file.Path file)
      throws SyntaxError {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxError("the file is empty; write {} for no tasks", Position.START);
      }
      JsonValue value = readValue(parser, duplicates, file, "");
      JsonToken rest = parser.nextToken();
      if (rest != null) {
        throw new SyntaxError(
            "unexpected text after the end of the JSON value",
            position(parser.currentTokenLocation()));
      }
      return value;
    } catch (JsonParseException e) {
      throw new SyntaxError(cleanMessage(e, text), position(e.getLocation()));
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw new SyntaxError(
          "the file is nested deeper, or holds a longer value, than a config can need",
          e.getLocation() == null ? Position.START : position(e.getLocation()));
    } catch (IOException e) {
      throw new SyntaxError(e.getMessage(), Position.START);
    }
  }

  private JsonValue readValue(
      JsonParser parser, List<Problem> duplicates, java.nio.file.Path file, String path)
      throws IOException {
    Position at = position(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        {
          Map<String, JsonValue.Member> members = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Position keyAt = position(parser.currentTokenLocation());
            parser.nextToken();
            String childPath = path.isEmpty() ? key : path + "." + key;
            JsonValue child = readValue(parser, duplicates, file, childPath);
            if (members.containsKey(key)) {
              duplicates.add(
                  new Problem(
                      file,
                      keyAt,
                      childPath,
                      "\"" + key + "\" appears twice",
                      "the earlier one at line "
                          + members.get(key).keyPosition().line()
                          + " would be lost; keep one"));
            } else {
              members.put(key, new JsonValue.Member(key, keyAt, child));
            }
          }
          int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
          return new JsonValue.Obj(members, at, end);
        }
      case START_ARRAY:
        {
          List<JsonValue> items = new ArrayList<>();
          int index = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, duplicates, file, path + "[" + index++ + "]"));
          }
          return new JsonValue.Arr(items, at);
        }
      case VALUE_STRING:
        return new JsonValue.Str(parser.getText(), at);
      case VALUE_NUMBER_INT:
        return new JsonValue.Num(parser.getNumberValue(), true, at);
      case VALUE_NUMBER_FLOAT:
        return new JsonValue.Num(parser.getDoubleValue(), false, at);
      case VALUE_TRUE:
        return new JsonValue.Bool(true, at);
      case VALUE_FALSE:
        return new JsonValue.Bool(false, at);
      default:
        return new JsonValue.Null(at);
    }
  }

  private static Position position(JsonLocation location) {
    return new Position(
        Math.max(1, location.getLineNr()),
        Math.max(1, location.getColumnNr()),
        (int) Math.max(0, location.getCharOffset()));
  }

  /** Jackson's message in a person's words, without its excerpt (the position says where). */
  private static String cleanMessage(JsonParseException e, String text) {
    String message = e.getOriginalMessage();
    int offset = (int) Math.max(0, e.getLocation().getCharOffset());
    if (message.contains("was expecting comma to separate")) {
      return "a comma is missing after line " + lineBefore(text, offset);
    }
    if (message.contains("was expecting a colon to separate field name and value")) {
      return "a colon is missing between a name and its value";
    }
    if (message.startsWith("Unexpected character (''' (code 39))")) {
      return "names and strings take double quotes (\"like this\"), not single ones";
    }
    if (message.contains("was expecting double-quote to start field name")) {
      return "a name in double quotes is expected here (\"name\": value)";
    }
    if (message.startsWith("Unrecognized token '")) {
      String token = message.substring(20, Math.max(20, message.indexOf('\'', 20)));
      return "'"
          + token
          + "' is not a JSON value: text takes double quotes, and true, false and null are"
          + " lower case";
    }
    if (message.startsWith("Illegal unquoted character")) {
      return "a string holds a control character (a tab or a line break): write it as \\t or \\n";
    }
    // Jackson's own switches and limits mean nothing to someone writing a config
    if (message.startsWith("Non-standard token")) {
      return message.substring(
              0, message.indexOf(':') < 0 ? message.length() : message.indexOf(':'))
          + " (NaN and Infinity are not JSON numbers)";
    }
    int excerpt = message.indexOf(" (start marker at ");
    if (excerpt >= 0) {
      // "... close marker for Object (start marker at [Source: ...; line: 1, column: 1])"
      java.util.regex.Matcher at =
          java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)").matcher(message);
      String start = "?";
      while (at.find()) { // the last one: the excerpt itself may hold such text
        start = "line " + at.group(1) + ", column " + at.group(2);
      }
      String closer = message.contains("for Array") ? "]" : "}";
      return message.startsWith("Unexpected end-of-input")
          ? "the file ends before the " + closer + " that closes what opens at " + start
          : message.substring(0, excerpt) + " opened at " + start;
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline))
        .replaceAll(" \\(code \\d+\\)", "");
  }

  /**
   * The line of the last character before {@code offset} that is not blank: where a value ended.
   */
  private static int lineBefore(String text, int offset) {
    int at = Math.min(offset, text.length()) - 1;
    while (at > 0 && Character.isWhitespace(text.charAt(at))) {
      at--;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
