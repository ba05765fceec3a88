package dev.runner.engine;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a child's output as lines in bounded memory: a line longer than {@link #MAX_PIECE}
 * characters (a 200 MB line with no newline) is handed on in pieces instead of being held whole.
 * Lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (a progress bar's redraw), as {@link
 * java.io.BufferedReader#readLine} has them.
 */
final class LinePump {

  static final int MAX_PIECE = 64 * 1024;

  private LinePump() {}

  static void pump(Reader in, OutputSink sink) throws IOException {
    char[] buffer = new char[8192];
    StringBuilder line = new StringBuilder();
    boolean afterReturn = false;
    boolean open = false; // pieces of the current line went out already
    int n;
    while ((n = in.read(buffer)) != -1) {
      for (int i = 0; i < n; i++) {
        char c = buffer[i];
        if (c == '\n' && afterReturn) {
          afterReturn = false;
          continue;
        }
        afterReturn = c == '\r';
        if (c == '\n' || c == '\r') {
          sink.line(line.toString());
          line.setLength(0);
          open = false;
        } else {
          line.append(c);
          if (line.length() >= MAX_PIECE) {
            sink.piece(line.toString());
            line.setLength(0);
            open = true;
          }
        }
      }
    }
    if (line.length() > 0 || open) {
      sink.line(line.toString());
    }
  }
}
