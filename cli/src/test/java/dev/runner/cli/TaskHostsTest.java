package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hosts}: a task kept to the hosts it lists. Another host neither plans it (no row, its
 * watermark left for the host that runs it) nor runs it by hand; a listed host does both.
 */
class TaskHostsTest {

  @TempDir Path home;

  static final String CONFIG =
      """
      {"nas_backup": {"type": "shell", "every": "1m", "command": "echo nas", "hosts": ["nas"]},
       "anywhere": {"type": "shell", "every": "1m", "command": "echo any"}}
      """;

  @Test
  void a_host_the_task_does_not_list_neither_plans_nor_runs_it_and_one_it_lists_does()
      throws Exception {
    Cli cli = new Cli(home).config(CONFIG);
    cli.env.put("RUNNER_HOST_ID", "vm2");
    assertThat(cli.at("2026-12-01T10:00:30Z").run("tick").code()).isZero();
    assertThat(cli.history()).extracting(r -> r.get("task_name")).containsExactly("anywhere");
    Cli.Result refused = cli.run("run", "nas_backup");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err())
        .contains("nas_backup runs on nas (its hosts); this runner is vm2 (RUNNER_HOST_ID)");
    assertThat(cli.run("list", "--json").out()).contains("\"hosts\" : [ \"nas\" ]");

    cli.env.put("RUNNER_HOST_ID", "nas");
    assertThat(cli.at("2026-12-01T10:01:30Z").run("tick").code()).isZero();
    assertThat(cli.history("--task", "nas_backup"))
        .as("first sight on its own host: the grid's latest fire")
        .extracting(r -> r.get("scheduled_for"))
        .containsExactly("2026-12-01T10:01:00Z");
    assertThat(cli.run("run", "nas_backup").code()).isZero();
  }

  @Test
  void hosts_must_name_someone_once_and_a_dependent_takes_its_upstreams() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"a": {"type": "shell", "command": "true", "hosts": []},
                 "b": {"type": "shell", "command": "true", "hosts": ["nas", "nas"]},
                 "c": {"type": "shell", "command": "true", "depends_on": ["d"], "hosts": ["nas"]},
                 "d": {"type": "shell", "command": "true"}}
                """);
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.out() + validate.err())
        .contains("a.hosts: hosts lists no host")
        .contains("b.hosts: hosts has a blank or repeated name")
        .contains("c.hosts: a task with depends_on runs where its upstream ran");
  }
}
