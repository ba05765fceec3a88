package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output is read in bounded pieces: a line far larger than the heap is no trouble. */
class LongOutputIT {

  @TempDir Path home;

  @Test
  void a_100_mb_line_without_a_newline_runs_to_success_in_a_32_mb_heap() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"flood": {"type": "shell",
                   "command": "head -c 100000000 /dev/zero | tr '\\\\0' x; echo; echo done"}}
        """);
    // every byte kept: this test is about reading output in pieces; the cap has OutputCapTest
    Path env = Files.writeString(home.resolve(".env"), "RUNNER_MAX_OUTPUT=0\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    Process run =
        new ProcessBuilder(
                List.of(
                    "java",
                    "-Xmx32m",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    PackagedJar.JAR.toString(),
                    "--home",
                    home.toString(),
                    "run",
                    "flood"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(home.resolve("err.txt").toFile())
            .start();
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
    assertThat(jar.rows("flood"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
              assertThat(r.message()).contains("done");
            });
    Path log = home.resolve("logs/runs/flood/1.log");
    assertThat(Files.size(log)).isGreaterThan(100_000_000L);
  }
}
