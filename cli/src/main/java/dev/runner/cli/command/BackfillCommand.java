package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.Times;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.Engine;
import dev.runner.engine.RunResult;
import dev.runner.task.Window;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Run a window task's windows of a time range, in order, in the foreground.",
      "Stops at the first failure and says how to resume. The live schedule is left as it is."
    })
final class BackfillCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(paramLabel = "TASK", description = "A task with a window.")
  String taskName;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "ISO",
      description = "The first window's start.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "ISO",
      description = "The last window's end.")
  String to;

  @Option(names = "--dry-run", description = "List the windows and run nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    RunnerConfig config = root.config();
    TaskDef task = RunCommand.find(config, taskName);
    if (task.windowSize() == null) {
      throw new UsageException(
          task.name()
              + " has no window; backfill is for tasks with"
              + " \"window\" (see README, Time windows)");
    }
    ZoneId zone = task.zone();
    Instant start = Times.parse(from, zone, "--from");
    Instant end = Times.parse(to, zone, "--to");
    if (!start.isBefore(end)) {
      throw new UsageException("--from must be before --to");
    }
    List<Window> windows = windows(start, end, task.windowSize());
    if (windows.isEmpty()) {
      throw new UsageException(
          "the range is shorter than one window ("
              + dev.runner.schedule.Durations.format(task.windowSize())
              + ")");
    }
    Instant covered = windows.get(windows.size() - 1).end();
    if (covered.isBefore(end)) {
      inv.err()
          .println(
              "runner: the range ends inside a window; backfill stops at "
                  + Times.iso(covered, zone));
    }
    if (dryRun) {
      windows.forEach(
          w -> inv.out().println(Times.iso(w.start(), zone) + "  " + Times.iso(w.end(), zone)));
      inv.out().println(windows.size() + " windows; nothing was run");
      return ExitCode.OK;
    }
    try {
      Engine engine = root.engine();
      Progress progress = new Progress(inv, windows.size());
      for (int i = 0; i < windows.size(); i++) {
        Window window = windows.get(i);
        progress.show(i, window, zone);
        List<RunResult> attempts =
            engine.runWindow(task, window, inv.terminal() ? null : inv.out());
        RunResult last = attempts.get(attempts.size() - 1);
        if (last.status().isFailure()) {
          progress.done();
          inv.err()
              .println(
                  "runner: window "
                      + Times.iso(window.start(), zone)
                      + " – "
                      + Times.iso(window.end(), zone)
                      + " failed: "
                      + last.status().dbName()
                      + (last.error() == null ? "" : " (" + last.error() + ")")
                      + "; see runner logs "
                      + last.id());
          inv.err()
              .println(
                  "runner: "
                      + i
                      + " of "
                      + windows.size()
                      + " windows done; fix the"
                      + " cause and resume with: runner backfill "
                      + task.name()
                      + " --from "
                      + Times.iso(window.start(), zone)
                      + " --to "
                      + Times.iso(end, zone));
          return ExitCode.TASK_FAILED;
        }
      }
      progress.done();
      inv.err()
          .println(
              task.name()
                  + ": "
                  + windows.size()
                  + " windows done, "
                  + Times.iso(start, zone)
                  + " – "
                  + Times.iso(covered, zone));
      return ExitCode.OK;
    } finally {
      root.closeEngine();
    }
  }

  static List<Window> windows(Instant start, Instant end, Duration size) {
    List<Window> windows = new ArrayList<>();
    for (Instant s = start; !s.plus(size).isAfter(end); s = s.plus(size)) {
      windows.add(new Window(s, s.plus(size)));
    }
    return windows;
  }

  /** A bar on a terminal; nothing otherwise (each window's output is printed instead). */
  private static final class Progress {
    private static final int WIDTH = 30;
    private final Invocation inv;
    private final int total;

    Progress(Invocation inv, int total) {
      this.inv = inv;
      this.total = total;
    }

    void show(int done, Window next, ZoneId zone) {
      if (!inv.terminal()) {
        return;
      }
      int filled = WIDTH * done / total;
      PrintWriter err = inv.err();
      err.print(
          "\r["
              + "█".repeat(filled)
              + "░".repeat(WIDTH - filled)
              + "] "
              + done
              + "/"
              + total
              + "  "
              + Times.iso(next.start(), zone)
              + "   ");
      err.flush();
    }

    void done() {
      if (inv.terminal()) {
        inv.err().print("\r" + " ".repeat(WIDTH + 60) + "\r");
        inv.err().flush();
      }
    }
  }
}
