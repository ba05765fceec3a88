package dev.runner.engine;

/** Where a child's output goes: whole lines, and the pieces of a line too long to hold at once. */
interface OutputSink {

  void line(String line);

  /** Part of a line that goes on; the line's end comes with a later {@link #line}. */
  void piece(String part);
}
