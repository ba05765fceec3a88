package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyTest {

  @TempDir Path home;

  static final String DIAMOND =
      """
      {
        "a": {"type": "shell", "every": "1h", "command": "echo a >> order.txt"},
        "b": {"type": "shell", "depends_on": ["a"], "command": "echo b >> order.txt; exit %s"},
        "c": {"type": "shell", "depends_on": ["a"], "command": "echo c >> order.txt"},
        "d": {"type": "shell", "depends_on": ["b", "c"], "command": "echo d >> order.txt"},
        "on_b_failure": {"type": "shell", "depends_on": ["b"], "trigger_on": "failure",
                         "command": "echo handler >> order.txt"}
      }
      """;

  List<String> order() throws Exception {
    return Files.readAllLines(home.resolve("order.txt"));
  }

  @Test
  void a_diamond_runs_the_join_once_after_both_branches() throws Exception {
    Cli cli = new Cli(home).config(DIAMOND.formatted("0"));
    Cli.Result tick = cli.run("tick");
    assertThat(tick.code()).as(tick.toString()).isZero();

    List<String> order = order();
    assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(order.get(0)).isEqualTo("a");
    assertThat(order.get(3)).isEqualTo("d");

    List<Map<String, Object>> rows = cli.history();
    Map<String, Object> a =
        rows.stream().filter(r -> r.get("task_name").equals("a")).findFirst().orElseThrow();
    Map<String, Object> d =
        rows.stream().filter(r -> r.get("task_name").equals("d")).findFirst().orElseThrow();
    assertThat(d)
        .containsEntry("trigger", "dependency")
        .containsEntry("scheduled_for", a.get("scheduled_for"));
    assertThat(rows).filteredOn(r -> r.get("task_name").equals("d")).hasSize(1);
    assertThat(rows).noneMatch(r -> r.get("task_name").equals("on_b_failure"));

    // the next round runs the whole graph again, once
    cli.at("2026-11-23T11:00:01Z").run("tick");
    assertThat(order()).hasSize(8).endsWith("d");
  }

  @Test
  void a_failure_runs_the_failure_handler_and_not_the_join() throws Exception {
    Cli cli = new Cli(home).config(DIAMOND.formatted("2"));
    Cli.Result tick = cli.run("tick");
    assertThat(tick.code()).isEqualTo(1);
    assertThat(tick.err()).contains("b: technical_failure");
    assertThat(order()).contains("handler").doesNotContain("d");
    Map<String, Object> handler = cli.history("--task", "on_b_failure").get(0);
    assertThat(handler).containsEntry("trigger", "dependency").containsEntry("status", "success");
    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) handler.get("message");
    assertThat((String) message.get("upstream")).startsWith("b run ").endsWith("technical_failure");
  }

  @Test
  void a_manual_run_starts_dependents_unless_told_not_to() throws Exception {
    Cli cli = new Cli(home).config(DIAMOND.formatted("0"));
    assertThat(cli.run("run", "a", "--no-deps").code()).isZero();
    assertThat(order()).containsExactly("a");
    Cli.Result all = cli.run("run", "a");
    assertThat(all.code()).isZero();
    assertThat(order()).hasSize(5).endsWith("d");
    assertThat(all.err()).contains("b: success").contains("d: success");
  }

  @Test
  void a_cycle_is_reported_with_its_path_and_only_the_tasks_off_it_run() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"a": {"type": "shell", "depends_on": ["c"], "command": "echo a >> order.txt"},
                 "b": {"type": "shell", "depends_on": ["a"], "command": "echo b >> order.txt"},
                 "c": {"type": "shell", "depends_on": ["b"], "command": "echo c >> order.txt"},
                 "x": {"type": "shell", "every": "1m", "command": "echo x >> order.txt"}}
                """);
    Cli.Result tick = cli.run("tick");
    assertThat(tick.code()).isZero();
    assertThat(tick.err())
        .contains("dependency cycle a -> b -> c -> a")
        .contains("runner: b is invalid")
        .contains("runner: c is invalid");
    assertThat(home.resolve("order.txt")).content().isEqualTo("x\n");
  }

  @Test
  void deps_shows_the_graph() throws Exception {
    Cli cli = new Cli(home).config(DIAMOND.formatted("0"));
    Cli.Result deps = cli.run("deps");
    assertThat(deps.code()).isZero();
    assertThat(deps.out())
        .isEqualTo(
            """
            a  (every 1h)
            ├── b
            │   ├── d  (after b, c)
            │   └── on_b_failure  (on failure)
            └── c
                └── d  (after b, c)
            """);
    assertThat(cli.run("list", "--tree").out()).isEqualTo(deps.out());
  }
}
