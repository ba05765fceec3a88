package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsTest {

  @TempDir Path home;

  @Test
  @SuppressWarnings("unchecked")
  void stats_counts_runs_success_rate_durations_and_recent_outcomes() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"ok": {"type": "shell", "command": "true"},
                 "flaky": {"type": "shell", "command": "[ -f pass ] || { touch pass; exit 2; }"}}
                """);
    cli.at("2026-11-20T10:00:00Z").run("run", "ok");
    cli.at("2026-11-21T10:00:00Z").run("run", "ok");
    cli.at("2026-11-22T10:00:00Z").run("run", "flaky");
    cli.at("2026-11-22T11:00:00Z").run("run", "flaky");
    cli.at("2026-11-01T10:00:00Z").run("run", "ok"); // outside 7 days
    cli.at("2026-11-23T10:00:00Z");
    Cli.Result json = cli.run("stats", "--json");
    List<Map<String, Object>> rows =
        new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.out(), List.class);
    assertThat(rows).extracting(r -> r.get("task")).containsExactly("flaky", "ok");
    Map<String, Object> flaky = rows.get(0);
    assertThat(flaky).containsEntry("runs", 2).containsEntry("success_rate", 0.5);
    assertThat(flaky.get("last_failure")).isEqualTo("2026-11-22T10:00:00Z");
    assertThat((List<String>) flaky.get("recent")).containsExactly("success", "technical_failure");
    assertThat(rows.get(1)).containsEntry("runs", 2).containsEntry("success_rate", 1.0);
    // a day for each of the 7, today last, whatever ran on it: what a per-day chart draws
    List<Map<String, Object>> days = (List<Map<String, Object>>) flaky.get("daily");
    assertThat(days).hasSize(7);
    assertThat(days.get(0)).containsEntry("date", "2026-11-17");
    assertThat(days.get(5)).isEqualTo(Map.of("date", "2026-11-22", "successes", 1, "failures", 1));
    assertThat(days.get(6)).isEqualTo(Map.of("date", "2026-11-23", "successes", 0, "failures", 0));
    assertThat((List<Map<String, Object>>) rows.get(1).get("daily"))
        .extracting(d -> d.get("successes"))
        .containsExactly(0, 0, 0, 1, 1, 0, 0);

    Cli.Result table = cli.run("stats", "--task", "flaky");
    assertThat(table.out()).startsWith("TASK   RUNS  OK %").contains("flaky  2     50");
    assertThat(table.out()).contains("✗");
  }
}
