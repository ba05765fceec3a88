package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage that cannot be used is the environment: exit 5, the real cause and what to do. */
class StorageFailureTest {

  static final String EVERY_MINUTE =
      "{\"hello\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"echo hi\"}}";

  @TempDir Path dir;
  Path mounted;

  @Test
  void a_garbled_database_exits_5_saying_it_is_damaged_and_how_to_recover() throws IOException {
    Cli cli = new Cli(dir).config(EVERY_MINUTE);
    Files.writeString(dir.resolve("task_log.db"), "this is not an SQLite database\n".repeat(200));
    Cli.Result tick = cli.run("tick");
    assertThat(tick.code()).as(tick.toString()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(tick.err())
        .contains("task_log.db")
        .contains("hint: the database file is damaged")
        .doesNotContain("internal error")
        .doesNotContain("Exception");
  }

  @Test
  void a_full_disk_at_claim_time_exits_5_with_the_real_cause_not_the_rollback() throws Exception {
    Path home = smallDisk();
    Cli cli = new Cli(home).config(EVERY_MINUTE);
    assertThat(cli.at("2026-11-23T10:00:01Z").run("tick").code()).isZero();
    fill(home);
    Cli.Result tick = cli.at("2026-11-23T10:01:01Z").run("tick");
    assertThat(tick.code()).as(tick.toString()).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(tick.err())
        .contains("hint: free space on the disk")
        .doesNotContain("cannot rollback")
        .doesNotContain("internal error");
    Files.delete(home.resolve("filler"));
    Cli.Result after = cli.at("2026-11-23T10:02:01Z").run("tick");
    assertThat(after.code()).as(after.toString()).isZero();
    assertThat(cli.history("--task", "hello"))
        .extracting(row -> row.get("status"))
        .doesNotContain("running", "crashed");
  }

  /** A 2 MB tmpfs (root only; CI runs as root), so the disk can really be filled. */
  private Path smallDisk() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
    Path point = Files.createDirectories(dir.resolve("disk"));
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", point.toString())
            .inheritIO()
            .start();
    assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0, "mount failed");
    mounted = point;
    return point;
  }

  private static void fill(Path home) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (var out = Files.newOutputStream(home.resolve("filler"))) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // the disk is full now
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", "-l", mounted.toString()).inheritIO().start().waitFor();
    }
  }
}
