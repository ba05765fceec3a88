package dev.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything one command line run gets from outside: its writers, environment, working directory,
 * clock and whether a person is watching. Tests make their own.
 */
public record Invocation(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> environment,
    Path workingDir,
    Clock clock,
    boolean terminal) {

  public Invocation {
    environment = Map.copyOf(environment);
  }

  /** Colour only on a terminal that can show it, never with NO_COLOR (https://no-color.org). */
  public boolean colour() {
    return terminal
        && !environment.containsKey("NO_COLOR")
        && !"dumb".equals(environment.get("TERM"));
  }
}
