package dev.runner.config;

import java.nio.file.Path;

/**
 * One thing wrong with the configuration, said the way compilers say it: {@code FILE:LINE:COLUMN:
 * task.field: message; hint}.
 */
public record Problem(Path file, Position position, String path, String message, String hint) {

  @Override
  public String toString() {
    return file.getFileName()
        + ":"
        + position.line()
        + ":"
        + position.column()
        + ": "
        + (path == null || path.isEmpty() ? "" : path + ": ")
        + message
        + (hint == null ? "" : "; " + hint);
  }
}
