package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An internal error (exit 4) is told on stderr and its stack trace kept in {@code task.log}; a
 * secret that its message quotes is masked in both, as everywhere else.
 */
class InternalErrorTest {

  @TempDir Path home;

  @Test
  void an_internal_error_that_quotes_a_secret_is_masked_on_stderr_and_in_the_log()
      throws Exception {
    Files.writeString(home.resolve(".env"), "NOTION_TOKEN=secret-token-4242\n");
    Files.writeString(
        home.resolve("tasks_config.json"),
        "{\"job\": {\"type\": \"shell\", \"command\": \"true\"}}");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Invocation invocation =
        new Invocation(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Map.of("PATH", System.getenv("PATH")),
            home,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
            false);
    CommandLine line = FullCommandLine.tree(invocation);
    CommandLine.ParseResult parsed =
        line.parseArgs("--home", home.toString(), "--stacktrace", "list");
    Exception bug =
        new IllegalStateException(
            "request failed: Authorization: Bearer secret-token-4242",
            new RuntimeException("cause also says secret-token-4242"));

    int code =
        new Failures(invocation)
            .handleExecutionException(bug, parsed.subcommand().commandSpec().commandLine(), parsed);

    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString())
        .contains("runner: internal error: java.lang.IllegalStateException")
        .contains("Bearer ***")
        .contains("at dev.runner.cli.InternalErrorTest")
        .doesNotContain("secret-token-4242");
    String log = Files.readString(home.resolve("logs").resolve("task.log"));
    assertThat(log)
        .contains("internal error in `runner --home")
        .contains("Caused by: java.lang.RuntimeException: cause also says ***")
        .doesNotContain("secret-token-4242");
  }
}
