package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.ResetReport;
import dev.runner.config.RunnerConfig;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runner state reset}: a watermark ahead of the clock is moved back to now, so the task's
 * next fire after now runs. Only ever backwards to now: no fire already decided is run again, and a
 * watermark at or behind the clock is left alone.
 */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Move a task's watermark back to now when it is ahead of the clock (after `tick --now`",
      "in the future), so its next fire runs. Counts and history are kept; nothing runs twice."
    })
final class StateReset implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TASK", arity = "0..*", description = "The tasks to reset.")
  List<String> tasks = new ArrayList<>();

  @Option(names = "--all", description = "Every task whose state is ahead of the clock.")
  boolean all;

  @Option(names = "--dry-run", description = "Say what would change, change nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    if (all == !tasks.isEmpty()) {
      throw new UsageException("name the tasks to reset, or say --all (not both)");
    }
    RunnerConfig config = root.session().config();
    for (String name : tasks) {
      if (config.task(name).isEmpty()) {
        throw new UsageException(
            "no task named " + name + " in " + config.file() + " (see `runner list`)");
      }
    }
    Instant now = root.invocation().clock().instant();
    List<TaskState> moved =
        root.session()
            .read(
                store -> {
                  Store.Work<List<TaskState>> work =
                      tx -> {
                        Map<String, TaskState> states = tx.states();
                        List<TaskState> changed = new ArrayList<>();
                        for (TaskState state : states.values()) {
                          boolean chosen = all || tasks.contains(state.taskName());
                          if (chosen && state.watermark().isAfter(now)) {
                            tx.putState(state.withWatermark(now));
                            changed.add(state);
                          }
                        }
                        return changed;
                      };
                  return dryRun ? store.rehearse(work) : store.inTransaction(work);
                });
    ResetReport.print(config, moved, tasks, now, dryRun, root.invocation().out());
    return ExitCode.OK;
  }
}
