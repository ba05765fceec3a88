package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.cli.command.FastHistory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `history` without picocli says exactly what the full command line says, or leaves it to it. */
class FastHistoryTest {

  @TempDir Path home;

  record Said(int code, String out, String err) {}

  /** What a command line said, run by {@code how}; null when it did not answer. */
  Said said(Cli cli, BiFunction<Invocation, String[], OptionalInt> how, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Invocation invocation =
        new Invocation(new PrintWriter(out), new PrintWriter(err), cli.env, home, cli.clock, false);
    OptionalInt code = how.apply(invocation, args);
    return code.isPresent() ? new Said(code.getAsInt(), out.toString(), err.toString()) : null;
  }

  Said fast(Cli cli, String... args) {
    return said(cli, FastHistory::run, args);
  }

  Said full(Cli cli, String... args) {
    return said(cli, (inv, line) -> OptionalInt.of(FullCommandLine.run(inv, line)), args);
  }

  @Test
  void plain_history_lines_are_answered_here_exactly_as_the_full_command_line_would()
      throws Exception {
    Cli cli = new Cli(home);
    assertThat(
            cli.config(
                    """
                    {"ok": {"type": "shell", "every": "1m", "command": "echo 好"},
                     "bad": {"type": "shell", "every": "1m", "command": "exit 3"}}
                    """)
                .run("tick")
                .code())
        .isEqualTo(1);
    String[][] lines = {
      {"history"},
      {"--home", home.toString(), "history", "--task", "ok"},
      {"history", "--status", "failed", "--json"},
      {"history", "--status=success,technical_failure", "--limit", "1", "--page=2"},
      {"--home=" + home, "history", "--since", "2d"},
      {"history", "--since", "2026-11-23T09:00Z", "--limit", "5"},
    };
    for (String[] line : lines) {
      Said fast = fast(cli, line);
      assertThat(fast).as(String.join(" ", line)).isNotNull();
      assertThat(fast).as(String.join(" ", line)).isEqualTo(full(cli, line));
    }
  }

  @Test
  void anything_unusual_goes_the_full_way() throws Exception {
    Cli cli = new Cli(home).config("{}");
    String[][] lines = {
      {"history", "--help"},
      {"history", "--status", "sucess"}, // the full way says: did you mean "success"?
      {"history", "--limit", "many"},
      {"history", "--bogus"},
      {"--task", "x", "history"},
      {"history", "--task"},
      {"list"},
      {"history", "--stacktrace"},
    };
    for (String[] line : lines) {
      assertThat(fast(cli, line)).as(String.join(" ", line)).isNull();
    }
    assertThat(cli.run("history", "--status", "sucess").err())
        .contains("--status: unknown status \"sucess\"; did you mean \"success\"?");
  }
}
