package dev.runner.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.cli.PackagedJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts: current, valid bash, and completing a task's name in a real bash. */
class CompletionIT {

  @TempDir Path dir;

  static final Path COMPLETIONS = Path.of("..", "completions").toAbsolutePath().normalize();

  String run(String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void the_committed_scripts_are_what_the_command_tree_generates() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = PackagedJar.JAR.toAbsolutePath().toString();
    assertThat(run(java, "-jar", jar, "completion", "bash"))
        .as("completions/runner.bash is stale: regenerate it (completions/README.md)")
        .isEqualTo(Files.readString(COMPLETIONS.resolve("runner.bash")));
    assertThat(run(java, "-jar", jar, "completion", "zsh"))
        .startsWith("# runner completion for zsh")
        .endsWith(Files.readString(COMPLETIONS.resolve("runner.bash")));
    assertThat(Files.readString(COMPLETIONS.resolve("runner.zsh"))).isEqualTo(Completion.zshFile());
    run("bash", "-n", COMPLETIONS.resolve("runner.bash").toString());
  }

  @Test
  void bash_completes_commands_options_and_task_names() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path runner = bin.resolve("runner");
    Files.writeString(
        runner,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -jar '"
            + PackagedJar.JAR.toAbsolutePath()
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(runner, PosixFilePermissions.fromString("rwx------"));
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(
        home.resolve("tasks_config.json"),
        "{\"daily_backup\": {\"type\": \"shell\", \"command\": \"true\"},"
            + " \"daily_report\": {\"type\": \"shell\", \"command\": \"true\"},"
            + " \"weekly\": {\"type\": \"shell\", \"command\": \"true\"}}");
    String script =
        "export PATH='"
            + bin
            + "':$PATH; source '"
            + COMPLETIONS.resolve("runner.bash")
            + "'\n"
            + "COMP_WORDS=(runner --home '"
            + home
            + "' run daily_); COMP_CWORD=4\n"
            + "_runner_complete 2>/dev/null; echo \"tasks: ${COMPREPLY[*]}\"\n"
            + "COMP_WORDS=(runner his); COMP_CWORD=1\n"
            + "_runner_complete 2>/dev/null; echo \"commands: ${COMPREPLY[*]}\"\n"
            + "COMP_WORDS=(runner history --sta); COMP_CWORD=2\n"
            + "_runner_complete 2>/dev/null; echo \"options: ${COMPREPLY[*]}\"\n";
    String out = run("bash", "-c", script);
    assertThat(out)
        .contains("tasks: daily_backup daily_report")
        .contains("commands: history")
        .contains("options: --stacktrace --status");
  }
}
