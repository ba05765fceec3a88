package dev.runner.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text edits behind creating, replacing and deleting a task: each changes one member of the
 * root object of {@code tasks_config.json} and keeps every other character as it was (the other
 * tasks, key order, comments, non-ASCII text, line endings). A new task goes after the last member,
 * laid out like it; a replaced task's value is written in its own layout; a deleted task takes its
 * lines, its comma and a comment on its own line with it, and a comment on a line of its own above
 * it stays.
 */
final class TaskText {

  private final String text;
  private final JsonValue.Obj root;
  private final List<JsonValue.Member> members;

  /** {@code text} without its byte order mark, {@code root} read from it. */
  TaskText(String text, JsonValue.Obj root) {
    this.text = text;
    this.root = root;
    this.members = new ArrayList<>(root.members().values());
  }

  /** The text with {@code "name": task} after the last member. */
  String create(String name, Map<String, Object> task) {
    String entry = quoted(name) + ": ";
    if (members.isEmpty()) {
      int brace = root.position().offset();
      String unit = fileUnit();
      boolean open = !text.substring(brace, root.endOffset()).contains("\n");
      return text.substring(0, brace + 1)
          + newline()
          + unit
          + entry
          + layout(null).render(task, unit)
          + (open ? newline() : "")
          + text.substring(brace + 1);
    }
    JsonValue.Member last = members.get(members.size() - 1);
    int end = valueEnd(last);
    int after = JsonScan.skipSpaces(text, end);
    boolean trailingComma = after < text.length() && text.charAt(after) == ',';
    int point = trailingComma ? after + 1 : end;
    boolean ownLine = JsonScan.firstOnLine(text, keyOffset(last));
    int rest = JsonScan.skipSpaces(text, point);
    if (ownLine && text.startsWith("//", rest)) {
      point = JsonScan.lineEnd(text, rest); // the comment on the last task's line stays there
    }
    String indent = ownLine ? JsonScan.indentOf(text, keyOffset(last)) : "";
    String added = (ownLine ? newline() + indent : " ") + entry + layout(last).render(task, indent);
    if (trailingComma) {
      return text.substring(0, point) + added + "," + text.substring(point);
    }
    return text.substring(0, end)
        + ","
        + text.substring(end, point)
        + added
        + text.substring(point);
  }

  /** The text with the task's value replaced by {@code task}, in the layout the old one had. */
  String replace(String name, Map<String, Object> task) {
    JsonValue.Member member = member(name);
    int start = member.value().position().offset();
    int key = keyOffset(member);
    String indent = JsonScan.firstOnLine(text, key) ? JsonScan.indentOf(text, key) : "";
    return text.substring(0, start)
        + layout(member).render(task, indent)
        + text.substring(valueEnd(member));
  }

  /** The text without the task's member and the comma that went with it. */
  String delete(String name) {
    JsonValue.Member member = member(name);
    int index = members.indexOf(member);
    int key = keyOffset(member);
    int end = valueEnd(member);
    int after = JsonScan.skipSpaces(text, end);
    boolean comma = after < text.length() && text.charAt(after) == ',';
    int cutStart = key;
    int cutEnd = comma ? after + 1 : end;
    boolean ownLine = JsonScan.firstOnLine(text, key);
    if (ownLine) {
      int rest = JsonScan.skipSpaces(text, cutEnd);
      if (text.startsWith("//", rest)) {
        rest = JsonScan.lineEnd(text, rest);
      }
      if (rest == JsonScan.lineEnd(text, rest)) { // nothing else on its last line: its lines go
        cutStart = JsonScan.lineStart(text, key);
        cutEnd = JsonScan.afterLineBreak(text, rest);
      } else {
        cutEnd = rest;
      }
    } else if (comma) {
      cutEnd = JsonScan.skipSpaces(text, cutEnd);
    }
    if (comma || index == 0) {
      return text.substring(0, cutStart) + text.substring(cutEnd);
    }
    // The last member, without a trailing comma: the comma before it goes instead.
    int previousEnd = valueEnd(members.get(index - 1));
    if (!ownLine) {
      return text.substring(0, previousEnd) + text.substring(end);
    }
    int previousComma = JsonScan.skipBlank(text, previousEnd);
    return text.substring(0, previousComma)
        + text.substring(previousComma + 1, cutStart)
        + text.substring(cutEnd);
  }

  private JsonValue.Member member(String name) {
    JsonValue.Member member = root.members().get(name);
    if (member == null) {
      throw new IllegalArgumentException("no member " + name);
    }
    return member;
  }

  private static int keyOffset(JsonValue.Member member) {
    return member.keyPosition().offset();
  }

  private int valueEnd(JsonValue.Member member) {
    JsonValue value = member.value();
    return value instanceof JsonValue.Obj obj
        ? obj.endOffset()
        : JsonScan.valueEnd(text, value.position().offset());
  }

  private String newline() {
    return text.contains("\r\n") ? "\r\n" : "\n";
  }

  /** The layout of {@code like}'s value when it is a task's object, else the file's own. */
  private JsonLayout layout(JsonValue.Member like) {
    if (like != null && like.value() instanceof JsonValue.Obj obj && !obj.members().isEmpty()) {
      String span = text.substring(obj.position().offset(), obj.endOffset());
      if (!span.contains("\n")) {
        return new JsonLayout(newline(), fileUnit(), true, span.startsWith("{ "));
      }
      return new JsonLayout(newline(), unitOf(like).orElse(fileUnit()), false, false);
    }
    return new JsonLayout(newline(), fileUnit(), false, false);
  }

  /** One level of the file's indentation: what a task's fields sit in from its name. */
  private String fileUnit() {
    for (JsonValue.Member member : members) {
      Optional<String> unit = unitOf(member);
      if (unit.isPresent()) {
        return unit.get();
      }
    }
    for (JsonValue.Member member : members) {
      int key = keyOffset(member);
      if (JsonScan.firstOnLine(text, key) && !JsonScan.indentOf(text, key).isEmpty()) {
        return JsonScan.indentOf(text, key);
      }
    }
    return "  ";
  }

  private Optional<String> unitOf(JsonValue.Member member) {
    if (!(member.value() instanceof JsonValue.Obj obj) || obj.members().isEmpty()) {
      return Optional.empty();
    }
    int inner = obj.members().values().iterator().next().keyPosition().offset();
    int key = keyOffset(member);
    if (!JsonScan.firstOnLine(text, inner)) {
      return Optional.empty();
    }
    String outer = JsonScan.firstOnLine(text, key) ? JsonScan.indentOf(text, key) : "";
    String own = JsonScan.indentOf(text, inner);
    return own.length() > outer.length() && own.startsWith(outer)
        ? Optional.of(own.substring(outer.length()))
        : Optional.empty();
  }

  private static String quoted(String name) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"";
  }
}
