package dev.runner.config;

/**
 * Steps over the text of a config by hand where the parsed tree keeps no offsets (a value's end,
 * the blanks, commas and comments between members), so a member can be cut out or added without
 * touching a character around it.
 */
final class JsonScan {

  private JsonScan() {}

  /** The offset after the spaces, line breaks and comments that start at {@code at}. */
  static int skipBlank(String text, int at) {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        at++;
      } else if (text.startsWith("//", at)) {
        at = lineEnd(text, at);
      } else if (text.startsWith("/*", at)) {
        int end = text.indexOf("*/", at + 2);
        at = end < 0 ? text.length() : end + 2;
      } else {
        break;
      }
    }
    return at;
  }

  /** The offset after the spaces and tabs that start at {@code at}: the same line's blanks. */
  static int skipSpaces(String text, int at) {
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }

  /**
   * Where the line that {@code at} is on ends: its {@code \r\n} or {@code \n}, or the text's end.
   */
  static int lineEnd(String text, int at) {
    int newline = text.indexOf('\n', at);
    if (newline < 0) {
      return text.length();
    }
    return newline > at && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
  }

  /** The offset after the line break at {@code at} ({@code \r\n} or {@code \n}), or {@code at}. */
  static int afterLineBreak(String text, int at) {
    if (text.startsWith("\r\n", at)) {
      return at + 2;
    }
    return at < text.length() && text.charAt(at) == '\n' ? at + 1 : at;
  }

  /** Where the line that {@code at} is on starts. */
  static int lineStart(String text, int at) {
    return text.lastIndexOf('\n', at - 1) + 1;
  }

  /** Whether only spaces and tabs stand before {@code at} on its line. */
  static boolean firstOnLine(String text, int at) {
    int start = lineStart(text, at);
    return skipSpaces(text, start) == at;
  }

  /** The spaces and tabs that open the line {@code at} is on. */
  static String indentOf(String text, int at) {
    int start = lineStart(text, at);
    return text.substring(start, skipSpaces(text, start));
  }

  /** The offset just after the value that starts at {@code start}. */
  static int valueEnd(String text, int start) {
    char first = text.charAt(start);
    if (first == '"') {
      return stringEnd(text, start);
    }
    int at = start;
    if (first == '{' || first == '[') {
      int depth = 0;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '"') {
          at = stringEnd(text, at);
          continue;
        }
        if (text.startsWith("//", at) || text.startsWith("/*", at)) {
          at = skipBlank(text, at);
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return at + 1;
        }
        at++;
      }
      return at;
    }
    while (at < text.length() && "{}[],: \t\r\n/".indexOf(text.charAt(at)) < 0) {
      at++; // a number, true, false or null
    }
    return at;
  }

  private static int stringEnd(String text, int start) {
    int at = start + 1;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\\') {
        at += 2;
      } else if (c == '"') {
        return at + 1;
      } else {
        at++;
      }
    }
    return at;
  }
}
