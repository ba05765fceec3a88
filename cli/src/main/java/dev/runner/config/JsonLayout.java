package dev.runner.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a task's value the way the file around it is written: its line ending, its unit of
 * indentation (a tab, two or four spaces), and on one line where the file keeps a task on one line.
 * An array of plain values stays on one line ({@code ["a", "b"]}), as people write {@code
 * depends_on}.
 *
 * @param newline {@code \n} or {@code \r\n}
 * @param unit one level of indentation
 * @param inline the whole value on one line
 * @param padded on one line, a space inside the braces: {@code { "a": 1 }}
 */
record JsonLayout(String newline, String unit, boolean inline, boolean padded) {

  /** The value as JSON text, its own lines indented from {@code indent} (the member's line). */
  String render(Object value, String indent) {
    StringBuilder out = new StringBuilder();
    write(out, value, indent);
    return out.toString();
  }

  private void write(StringBuilder out, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      writeObject(out, map, indent);
    } else if (value instanceof List<?> list) {
      writeArray(out, list, indent);
    } else if (value instanceof String text) {
      out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    } else {
      out.append(value); // numbers, true, false; null
    }
  }

  private void writeObject(StringBuilder out, Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + unit;
    out.append('{');
    out.append(inline ? (padded ? " " : "") : newline + inner);
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      write(out, String.valueOf(entry.getKey()), inner);
      out.append(": ");
      write(out, entry.getValue(), inner);
      if (entries.hasNext()) {
        out.append(',').append(inline ? " " : newline + inner);
      }
    }
    out.append(inline ? (padded ? " " : "") : newline + indent).append('}');
  }

  private void writeArray(StringBuilder out, List<?> list, String indent) {
    boolean flat =
        inline
            || list.stream()
                .noneMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>);
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + unit;
    out.append('[').append(flat ? "" : newline + inner);
    for (int i = 0; i < list.size(); i++) {
      write(out, list.get(i), inner);
      if (i < list.size() - 1) {
        out.append(',').append(flat ? " " : newline + inner);
      }
    }
    out.append(flat ? "" : newline + indent).append(']');
  }
}
