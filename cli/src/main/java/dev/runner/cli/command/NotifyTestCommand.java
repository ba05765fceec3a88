package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.Times;
import dev.runner.config.Redactor;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.config.TaskDef.NotifyRule;
import dev.runner.engine.Identity;
import dev.runner.notify.Delivery;
import dev.runner.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Send a sample notification through every channel of a task's enabled rules.",
      "Exit 1 when a channel failed; what it answered is printed."
    })
final class NotifyTestCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TASK", description = "The task whose rules to try.")
  String taskName;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    Invocation inv = root.invocation();
    RunnerConfig config = root.session().config();
    TaskDef task = NamedTask.find(config, taskName);
    List<NotifyRule> rules = task.notifyRules().stream().filter(NotifyRule::enabled).toList();
    if (rules.isEmpty()) {
      throw new UsageException(task.name() + " has no enabled notification rules (\"notify\")");
    }
    Notifier notifier =
        new Notifier(
            config.environment(), new Redactor(config.environment().secretValues())::redact);
    boolean allOk = true;
    for (NotifyRule rule : rules) {
      for (Delivery d : notifier.send(rule, "test", rule.threshold(), sample(task, inv))) {
        allOk &= d.ok();
        inv.out()
            .println(
                "rule "
                    + d.rule()
                    + " -> "
                    + d.channel()
                    + ": "
                    + (d.ok() ? "ok" : "FAILED")
                    + " ("
                    + d.answer()
                    + ")");
      }
    }
    return allOk ? ExitCode.OK : ExitCode.TASK_FAILED;
  }

  private static Map<String, String> sample(TaskDef task, Invocation inv) {
    Instant end = inv.clock().instant();
    Instant start = end.minus(Duration.ofSeconds(3));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("task_id", task.name());
    values.put("task_name", task.description().isBlank() ? task.name() : task.description());
    values.put("execution_status", "technical_failure");
    values.put("execution_start_time", Times.iso(start, task.zone()));
    values.put("execution_end_time", Times.iso(end, task.zone()));
    values.put("execution_duration", "3.0s");
    values.put(
        "execution_log_tail",
        "this is a test from `runner notify test`\nquotes \"like this\" and 中文 stay intact");
    values.put("window_start", "");
    values.put("window_end", "");
    values.put("run_id", "0");
    values.put("error", "exit code 2 (a sample, nothing failed)");
    values.put("host", Identity.current().host());
    return values;
  }
}
