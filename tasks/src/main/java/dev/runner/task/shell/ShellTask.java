package dev.runner.task.shell;

import dev.runner.task.ProcessOutcome;
import dev.runner.task.ProcessSpec;
import dev.runner.task.Task;
import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs a {@link ShellSpec} and reads its exit code by the shell convention. */
public record ShellTask(ShellSpec spec) implements Task {

  @Override
  public TaskResult run(TaskContext context) throws Exception {
    Path cwd = spec.cwd() == null ? context.home() : context.home().resolve(spec.cwd());
    if (!Files.isDirectory(cwd)) {
      return TaskResult.businessFailure("working directory " + cwd + " does not exist");
    }
    Map<String, String> environment = new HashMap<>(context.environment());
    environment.putAll(spec.env());
    ProcessOutcome outcome = context.exec(new ProcessSpec(spec.program(), cwd, environment));
    return TaskResult.ofExitCode(outcome.exitCode());
  }
}
