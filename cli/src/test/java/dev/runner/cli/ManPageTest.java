package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** man/runner.1 is the page `runner man` writes from the command tree, and it is valid roff. */
class ManPageTest {

  static final Path COMMITTED = Path.of("..", "man", "runner.1");

  @TempDir Path home;

  String generated() {
    Cli.Result result = new Cli(home).run("man");
    assertThat(result.code()).as(result.toString()).isZero();
    return result.out();
  }

  @Test
  void the_committed_page_is_current() throws Exception {
    assertThat(Files.readString(COMMITTED))
        .as("regenerate with: ./runner man > man/runner.1")
        .isEqualTo(generated());
  }

  @Test
  void every_command_has_its_section_and_options_are_escaped() {
    String page = generated();
    for (Class<?> command : FullCommandLine.COMMANDS) {
      String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
      assertThat(page).contains(".SS \"runner " + name + "\"");
    }
    assertThat(page)
        .contains(".SS \"runner notify test\"")
        .contains("\\fB\\-\\-grace\\fR \\fIDURATION\\fR")
        .contains(".SH EXIT STATUS")
        .doesNotContain("\n.\n");
  }

  @Test
  void groff_reads_it_without_a_warning() throws Exception {
    // a failure, not a skip: a check that quietly does not run reads as a check that passed
    assertThat(onPath("groff"))
        .withFailMessage(
            "groff is not installed; ManPageTest needs it (Debian: apt-get install groff-base)")
        .isTrue();
    Path page = Files.writeString(home.resolve("runner.1"), generated());
    Process groff =
        new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", page.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(groff.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(said).isEmpty();
    assertThat(groff.exitValue()).isZero();
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
  }
}
