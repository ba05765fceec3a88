package dev.runner.task.shell;

import dev.runner.task.Task;
import dev.runner.task.TaskFields;
import dev.runner.task.TaskType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code "type": "shell"}: a command line run by {@code /bin/sh -c}, or an argument vector. */
public final class ShellTaskType implements TaskType {

  @Override
  public String name() {
    return "shell";
  }

  @Override
  public Set<String> fields() {
    return Set.of("command", "argv", "cwd", "env");
  }

  @Override
  public Set<String> verbatimFields() {
    // The shell expands ${VAR} in a command itself, from the environment that holds the .env
    // entries; argv has no shell, so runner expands it there (an unset variable is a problem).
    return Set.of("command");
  }

  @Override
  public Task configure(TaskFields fields) {
    Optional<String> command = fields.string("command");
    Optional<List<String>> argv = fields.strings("argv");
    Optional<String> cwd = fields.string("cwd");
    Map<String, String> env = fields.stringMap("env").orElse(Map.of());

    if (fields.has("command") && fields.has("argv")) {
      fields.problem("argv", "give either command or argv, not both", "drop one of the two");
    } else if (!fields.has("command") && !fields.has("argv")) {
      fields.problem(
          "command",
          "a shell task needs a command",
          "add \"command\": \"echo hello\" or \"argv\": [\"/usr/bin/env\", \"echo\", \"hello\"]");
    }
    command
        .filter(String::isBlank)
        .ifPresent(c -> fields.problem("command", "the command is empty", null));
    argv.filter(List::isEmpty)
        .ifPresent(a -> fields.problem("argv", "argv needs at least the program", null));
    for (String key : env.keySet()) {
      if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        fields.problem("env", "'" + key + "' is not a valid environment variable name", null);
      }
    }

    List<String> program =
        command.map(c -> List.of("/bin/sh", "-c", c)).orElseGet(() -> argv.orElse(List.of()));
    return new ShellTask(new ShellSpec(program, cwd.map(Path::of).orElse(null), env));
  }
}
