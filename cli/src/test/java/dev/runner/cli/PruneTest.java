package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.AuditEntry;
import dev.runner.store.Store;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneTest {

  @TempDir Path home;

  @Test
  void prune_removes_old_rows_and_their_logs_and_keeps_the_rest() throws Exception {
    Cli cli = new Cli(home).config("{\"job\": {\"type\": \"shell\", \"command\": \"echo hi\"}}");
    cli.env.put("RUNNER_HISTORY_DAYS", "30");
    cli.at("2026-09-01T10:00:00Z").run("run", "job");
    cli.at("2026-11-20T10:00:00Z").run("run", "job");
    assertThat(home.resolve("logs/runs/job/1.log")).exists();

    Cli.Result prune = cli.at("2026-11-23T10:00:00Z").run("prune");
    assertThat(prune.code()).as(prune.toString()).isZero();
    assertThat(prune.out()).startsWith("pruned history older than 30 days: 1 rows, 1 run logs");
    assertThat(cli.history()).extracting(r -> r.get("id")).containsExactly(2);
    assertThat(home.resolve("logs/runs/job/1.log")).doesNotExist();
    assertThat(home.resolve("logs/runs/job/2.log")).exists();
    assertThat(cli.run("prune", "--days", "1").out()).contains(": 1 rows");
    assertThat(cli.history()).isEmpty();
  }

  @Test
  void the_first_full_tick_of_a_day_applies_retention() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                "{\"job\": {\"type\": \"shell\", \"cron\": \"0 3 * * *\", \"command\": \"true\"}}");
    cli.env.put("RUNNER_HISTORY_DAYS", "7");
    cli.at("2026-11-01T10:00:00Z").run("run", "job");
    cli.at("2026-11-01T10:00:00Z").run("tick"); // today's prune: nothing old yet
    assertThat(cli.history()).hasSize(1);
    cli.at("2026-11-23T10:00:00Z").run("tick"); // runs the day's fire, and prunes the old run
    assertThat(cli.history()).extracting(r -> r.get("id")).containsExactly(2);
    assertThat(Files.readString(home.resolve("locks/pruned")).strip()).isEqualTo("2026-11-23");
  }

  @Test
  void prune_removes_audit_entries_older_than_the_audit_days_and_keeps_the_rest() throws Exception {
    Cli cli = new Cli(home).config("{\"job\": {\"type\": \"shell\", \"command\": \"true\"}}");
    cli.at("2025-06-01T10:00:00Z").run("token", "create", "old", "--scope", "read");
    cli.at("2026-11-01T10:00:00Z").run("token", "create", "recent", "--scope", "read");
    assertThat(audit()).hasSize(2);

    Cli.Result prune = cli.at("2026-11-23T10:00:00Z").run("prune");
    assertThat(prune.code()).as(prune.toString()).isZero();
    assertThat(prune.out()).contains("audit older than 365 days: 1 entries");
    assertThat(audit()).extracting(AuditEntry::target).containsExactly("recent");

    cli.env.put("RUNNER_AUDIT_DAYS", "7");
    assertThat(cli.run("prune").out()).contains("audit older than 7 days: 1 entries");
    assertThat(audit()).isEmpty();
    Cli.Result refused = cli.run("prune", "--audit-days", "0");
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("--audit-days must be 1 or more");
  }

  List<AuditEntry> audit() {
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      return store.audit(10, 0);
    }
  }
}
