package dev.runner.task.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.task.Task;
import dev.runner.task.TaskResult;
import dev.runner.task.TaskResult.Outcome;
import dev.runner.task.TestFields;
import dev.runner.task.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code shell} type with real {@code /bin/sh} children in a real home folder. */
class ShellTaskTest {

  @TempDir Path home;

  static Task shell(String fields) {
    return TestFields.of("job", fields).configure(new ShellTaskType());
  }

  TestRun run() {
    return TestRun.of("job").home(home);
  }

  @Test
  void a_command_runs_in_sh_in_the_home_with_the_runs_environment_and_its_own_env()
      throws Exception {
    Task task =
        shell(
            """
            {"command": "echo \\"$GREETING ${FROM_DOTENV}\\"; pwd", "env": {"GREETING": "你好"}}
            """);
    TestRun run = run().env("FROM_DOTENV", "from .env");
    TaskResult result = task.run(run);
    assertThat(result.outcome()).as(run.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.details()).containsEntry("exit_code", 0);
    assertThat(run.lines()).containsExactly("你好 from .env", home.toRealPath().toString());
  }

  @Test
  void the_command_is_left_for_the_shell_to_expand() {
    assertThat(new ShellTaskType().verbatimFields()).containsExactly("command");
  }

  @Test
  void argv_runs_without_a_shell_so_nothing_in_it_is_expanded() throws Exception {
    TestRun run = run();
    TaskResult result =
        shell("{\"argv\": [\"/usr/bin/env\", \"printf\", \"%s|%s\\\\n\", \"$HOME\", \"a b\"]}")
            .run(run);
    assertThat(result.outcome()).as(run.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(run.lines()).containsExactly("$HOME|a b");
  }

  @Test
  void the_working_directory_is_relative_to_the_home() throws Exception {
    Files.createDirectories(home.resolve("sub"));
    TestRun run = run();
    TaskResult result = shell("{\"argv\": [\"/usr/bin/env\", \"pwd\"], \"cwd\": \"sub\"}").run(run);
    assertThat(result.outcome()).as(run.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(run.lines()).containsExactly(home.resolve("sub").toRealPath().toString());
  }

  @Test
  void a_missing_working_directory_is_a_business_failure() throws Exception {
    TaskResult result = shell("{\"command\": \"true\", \"cwd\": \"nope\"}").run(run());
    assertThat(result.outcome()).isEqualTo(Outcome.BUSINESS_FAILURE);
    assertThat(result.summary())
        .isEqualTo("working directory " + home.resolve("nope") + " does not exist");
  }

  @Test
  void the_exit_code_decides_the_outcome_by_the_shell_convention() throws Exception {
    assertThat(shell("{\"command\": \"exit 0\"}").run(run()).outcome()).isEqualTo(Outcome.SUCCESS);
    TaskResult one = shell("{\"command\": \"exit 1\"}").run(run());
    assertThat(one.outcome()).isEqualTo(Outcome.BUSINESS_FAILURE);
    assertThat(one.summary()).isEqualTo("exit code 1");
    TaskResult two = shell("{\"command\": \"exit 2\"}").run(run());
    assertThat(two.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(two.details()).containsEntry("exit_code", 2);
    TaskResult killed = shell("{\"command\": \"kill -9 $$\"}").run(run());
    assertThat(killed.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(killed.summary()).isEqualTo("exit code 137 (killed by signal 9)");
  }

  @Test
  void mistakes_are_reported() {
    ShellTaskType type = new ShellTaskType();
    assertThat(TestFields.of("job", "{\"command\": \"true\", \"argv\": [\"true\"]}").problems(type))
        .containsExactly("job.argv: give either command or argv, not both; drop one of the two");
    assertThat(TestFields.of("job", "{}").problems(type))
        .singleElement()
        .asString()
        .startsWith("job.command: a shell task needs a command; add \"command\"");
    assertThat(TestFields.of("job", "{\"command\": \" \"}").problems(type))
        .containsExactly("job.command: the command is empty");
    assertThat(TestFields.of("job", "{\"argv\": []}").problems(type))
        .containsExactly("job.argv: argv needs at least the program");
    List<String> env =
        TestFields.of(
                "job", "{\"command\": \"true\", \"env\": {\"NOT-A-NAME\": \"x\", \"OK_1\": \"y\"}}")
            .problems(type);
    assertThat(env)
        .containsExactly("job.env: 'NOT-A-NAME' is not a valid environment variable name");
  }
}
