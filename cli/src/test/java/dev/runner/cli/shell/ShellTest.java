package dev.runner.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.cli.Cli;
import dev.runner.cli.FullCommandLine;
import dev.runner.cli.Invocation;
import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.TaskTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runner shell} over a dumb terminal fed by a script, and its completer and prompt. */
class ShellTest {

  @TempDir Path home;

  static final String CONFIG =
      """
      {"daily_backup": {"type": "shell", "cron": "0 3 * * *", "command": "echo 备份 done"},
       "daily_report": {"type": "shell", "cron": "0 8 * * *", "command": "exit 1"},
       "cleanup": {"type": "shell", "command": "echo clean"}}
      """;

  ShellPrompt.ConfigSource source() {
    return () ->
        new ConfigLoader(
                TaskTypes.load(getClass().getClassLoader()),
                Map.of("PATH", System.getenv("PATH")),
                ZoneOffset.UTC)
            .load(Home.resolve(null, null, null, Map.of(), home));
  }

  /** Types {@code script} into a shell on {@code home}; everything the terminal showed. */
  String session(String script) throws Exception {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    try (Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .type("dumb")
            .encoding(StandardCharsets.UTF_8)
            .streams(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), shown)
            .build()) {
      Cli cli = new Cli(home);
      Invocation outer =
          new Invocation(terminal.writer(), terminal.writer(), cli.env, home, cli.clock, false);
      int code =
          new Shell(
                  outer,
                  List.of("--home", home.toString()),
                  terminal,
                  home.resolve(".runner/shell_history"),
                  source())
              .loop();
      assertThat(code).isZero();
    }
    return shown.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_session_runs_commands_shows_the_state_in_the_prompt_and_keeps_history() throws Exception {
    Files.writeString(home.resolve("tasks_config.json"), CONFIG);
    String shown = session("list\nrun daily_backup\nrun daily_report\nlsit\ndaemon\nhelp\nexit\n");

    assertThat(shown)
        .contains("runner 3 tasks ✓ ❯ list")
        .contains("NAME          ON   TYPE   SCHEDULE")
        .contains("备份 done")
        // the failed run's exit code leads the next prompt, which counts the failing task
        .contains("[1] runner 3 tasks · 1 failing ❯ lsit")
        .contains("runner: 'lsit' is not a command; did you mean \"list\"?")
        .contains("[2] runner 3 tasks · 1 failing ❯ daemon")
        .contains("runner shell: run `runner daemon` outside the shell")
        .contains("Usage: runner [-hV]");
    assertThat(Files.readString(home.resolve(".runner/shell_history")))
        .contains("list", "run daily_backup", "run daily_report", "lsit");
    // a typed line may hold a secret
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve(".runner/shell_history"))))
        .isEqualTo("rw-------");
  }

  @Test
  void an_invalid_config_shows_in_the_prompt_and_the_shell_goes_on() throws Exception {
    Files.writeString(home.resolve("tasks_config.json"), "{\"x\": {\"type\": \"shel\"}");
    assertThat(session("validate\n"))
        .contains("runner config invalid (1 problem: validate) ❯ validate")
        .contains("tasks_config.json:1:");
    Files.writeString(home.resolve("tasks_config.json"), "{\"x\": {\"type\": \"shel\"}}");
    assertThat(session("validate\n"))
        .contains("runner 0 tasks · 1 invalid (validate) ✓ ❯ validate")
        .contains("did you mean \"shell\"");
  }

  @Test
  void tab_completes_commands_options_and_task_names() throws Exception {
    ShellCompleter completer =
        new ShellCompleter(
            FullCommandLine.tree(new Cli(home).invocation()).getCommandSpec(),
            () -> List.of("daily_backup", "daily_report", "cleanup"));
    assertThat(completer.candidates(List.of("hi"), 0)).contains("history", "run", "shell");
    assertThat(completer.candidates(List.of("run", "da"), 1))
        .containsExactly("daily_backup", "daily_report", "cleanup");
    assertThat(completer.candidates(List.of("history", "--st"), 1)).contains("--status");
    assertThat(completer.candidates(List.of("notify", "test", ""), 2)).contains("cleanup");
  }

  @Test
  void the_prompt_is_coloured_only_when_asked() {
    ShellPrompt.Status busy = new ShellPrompt.Status(5, 1, 2, 0, 0);
    assertThat(new ShellPrompt(() -> busy, false).render(0))
        .isEqualTo("runner 5 tasks · 1 running · 2 failing ❯ ");
    assertThat(new ShellPrompt(() -> busy, true).render(1))
        .isEqualTo(
            "\u001b[31m[1]\u001b[0m \u001b[1mrunner\u001b[0m 5 tasks · \u001b[33m1 running\u001b[0m"
                + " · \u001b[31m2 failing\u001b[0m ❯ ");
  }
}
