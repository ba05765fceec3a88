package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher under cron's usual umask (022) on a fresh home: what a new JVM makes there
 * (the SQLite library kept in {@code .runner/}, which one process makes once) is private too, and
 * the kept library still loads.
 */
class PrivateHomeIT {

  static final Path LAUNCHER = Path.of("..", "packaging", "bin", "runner");

  @TempDir Path home;

  String runner(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "env",
                "-i",
                "PATH=/usr/bin:/bin",
                "RUNNER_CDS=0",
                "RUNNER_TIMEZONE=UTC",
                "RUNNER_JAR=" + PackagedJar.JAR.toAbsolutePath(),
                "sh",
                "-c",
                "umask 022 && exec \"$0\" \"$@\"",
                LAUNCHER.toAbsolutePath().toString(),
                "--home",
                home.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("runner-output", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(String.join(" ", args) + ": " + printed).isZero();
      return printed;
    } finally {
      Files.delete(output);
    }
  }

  @Test
  void a_fresh_home_under_umask_022_gets_only_private_files_and_folders() throws Exception {
    Files.writeString(
        home.resolve("tasks_config.json"),
        // the JVM running the task is its parent: which SQLite library it mapped
        "{\"libraries\": {\"type\": \"shell\", \"every\": \"1m\", \"command\":"
            + " \"grep -o '/[^ ]*sqlitejdbc[^ ]*' /proc/$PPID/maps | sort -u\"}}");
    runner("tick");
    runner("tick");
    String run = runner("run", "libraries");
    runner("list");
    runner("history");

    assertThat(run).contains(home.resolve(".runner").toString());
    assertThat(home.resolve(".runner")).isDirectory();
    assertThat(PrivateHomeTest.notPrivate(home)).isEmpty();
  }
}
