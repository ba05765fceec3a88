package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10's promises through the packaged jar: intervals under cron's offsets, long names. */
class PackagedPromisesIT {

  @TempDir Path home;

  @Test
  void every_minute_runs_once_in_each_minute_with_ticks_at_the_offsets_cron_gives()
      throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"m1": {"type": "shell", "every": "1m", "command": "true"},
         "m2": {"type": "shell", "every": "2m", "command": "true"}}
        """);
    // what Debian's cron gave in bench/real-cron.sh: 0.9 to 2.5 s after the minute
    double[] offsets = {1.4, 0.9, 2.5, 1.1, 1.9, 2.2, 1.0, 1.6};
    Instant start = Instant.parse("2026-11-23T10:00:00Z");
    for (int minute = 0; minute < offsets.length; minute++) {
      Instant at = start.plusSeconds(60L * minute).plusMillis((long) (offsets[minute] * 1000));
      PackagedJar.Ran tick = jar.exec("tick", "--now", at.toString());
      assertThat(tick.code()).as(tick.toString()).isZero();
    }
    List<RunRecord> m1 = jar.rows("m1");
    assertThat(m1).hasSize(offsets.length);
    assertThat(m1)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
              assertThat(r.message()).doesNotContain("skipped_fires");
            });
    assertThat(m1.stream().map(r -> r.scheduledFor().toString()))
        .containsExactlyInAnyOrder(
            "2026-11-23T10:00:00Z",
            "2026-11-23T10:01:00Z",
            "2026-11-23T10:02:00Z",
            "2026-11-23T10:03:00Z",
            "2026-11-23T10:04:00Z",
            "2026-11-23T10:05:00Z",
            "2026-11-23T10:06:00Z",
            "2026-11-23T10:07:00Z");
    assertThat(jar.rows("m2").stream().map(r -> r.scheduledFor().toString()))
        .containsExactlyInAnyOrder(
            "2026-11-23T10:00:00Z",
            "2026-11-23T10:02:00Z",
            "2026-11-23T10:04:00Z",
            "2026-11-23T10:06:00Z");
  }

  @Test
  void a_name_too_long_is_refused_and_the_longest_allowed_runs_with_its_lock_file()
      throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        "{\""
            + "x".repeat(300)
            + "\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"true\"}}");
    PackagedJar.Ran refused = jar.exec("validate");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("at most 64 characters");
    PackagedJar.Ran skipped = jar.exec("tick", "--now", "2026-11-23T10:00:01Z");
    assertThat(skipped.code()).as(skipped.toString()).isZero();
    assertThat(skipped.err()).contains("is invalid and does not run").contains("at most 64");
    assertThat(jar.rows("x".repeat(300))).isEmpty();

    String name = "nightly_backup_".repeat(4) + "nas."; // 64 characters, the most a name has
    jar.config(
        "{\"" + name + "\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"echo 完成\"}}");
    PackagedJar.Ran tick = jar.exec("tick", "--now", "2026-11-23T10:00:01Z");
    assertThat(tick.code()).as(tick.toString()).isZero();
    assertThat(jar.rows(name))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    try (Stream<Path> locks = Files.list(home.resolve("locks"))) {
      assertThat(locks.map(p -> p.getFileName().toString()))
          .allSatisfy(
              file -> assertThat(file.getBytes(StandardCharsets.UTF_8).length).isLessThan(255));
    }
  }
}
