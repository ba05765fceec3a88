package dev.runner.config;

/** Where something is in a file: 1-based line and column, and the 0-based char offset. */
public record Position(int line, int column, int offset) {
  public static final Position START = new Position(1, 1, 0);
}
