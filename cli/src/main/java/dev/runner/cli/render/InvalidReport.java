package dev.runner.cli.render;

import dev.runner.config.InvalidTask;
import dev.runner.config.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tick's word on invalid tasks: the others run, and each problem is said on stderr once while it
 * holds (remembered in {@code locks/invalid}), so cron mails it once per change of the config.
 */
public final class InvalidReport {

  private final SaidOnce once;

  public InvalidReport(Path home) {
    this.once = new SaidOnce(home.resolve("locks").resolve("invalid"));
  }

  public void report(List<InvalidTask> invalid, PrintWriter err) {
    once.say(lines(invalid), err);
  }

  public static Map<String, String> lines(List<InvalidTask> invalid) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (InvalidTask task : invalid) {
      for (Problem p : task.problems()) {
        lines.put(task.name() + " " + p, line(task, p));
      }
    }
    return lines;
  }

  static String line(InvalidTask task, Problem p) {
    return "runner: " + task.name() + " is invalid and does not run: " + p;
  }
}
