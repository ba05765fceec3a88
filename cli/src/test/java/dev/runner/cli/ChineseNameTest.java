package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.cli.render.Width;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task named in Chinese, from validate through tick, history, list, logs and its files. */
class ChineseNameTest {

  @TempDir Path home;

  Cli cli() throws Exception {
    return new Cli(home)
        .config(
            """
            {"备份": {"type": "shell", "every": "1h", "command": "echo 备份完成",
                      "description": "每小时备份"},
             "hello": {"type": "shell", "every": "1h", "command": "echo hi"}}
            """);
  }

  @Test
  void a_chinese_named_task_is_valid_runs_on_tick_and_shows_in_history_and_list() throws Exception {
    Cli cli = cli();
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).isEqualTo("tasks_config.json: ok, 2 tasks\n");

    Cli.Result tick = cli.run("tick");
    assertThat(tick.code()).as(tick.toString()).isZero();
    List<Map<String, Object>> rows = cli.history("--task", "备份");
    assertThat(rows)
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("status", "success"));

    Cli.Result list = cli.run("list");
    assertThat(list.out())
        .isEqualTo(
            """
            NAME   ON   TYPE   SCHEDULE  NEXT                 LAST     OK/FAIL  DESCRIPTION
            备份   yes  shell  every 1h  2026-11-23 11:00:00  success  1/0      每小时备份
            hello  yes  shell  every 1h  2026-11-23 11:00:00  success  1/0
            """);

    // each row's STATUS starts in the same terminal column, though 备份 is 4 columns in 2 chars
    List<String> lines = cli.run("history").out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines)
        .extracting(l -> Width.of(l.substring(0, l.indexOf(l == lines.get(0) ? "STATUS" : "succ"))))
        .containsOnly(Width.of(lines.get(0).substring(0, lines.get(0).indexOf("STATUS"))));
    assertThat(cli.run("history", "--task", "备份").out()).contains("备份完成");

    long id = ((Number) rows.get(0).get("id")).longValue();
    assertThat(cli.run("logs", Long.toString(id)).out()).isEqualTo("备份完成\n");
    Cli.Result run = cli.run("run", "备份");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("备份完成\n");
  }

  @Test
  void its_lock_file_and_log_folder_are_plain_ascii_names() throws Exception {
    Cli cli = cli();
    assertThat(cli.run("run", "备份").code()).isZero();
    try (Stream<Path> logs = Files.list(home.resolve("logs/runs"));
        Stream<Path> locks = Files.list(home.resolve("locks"))) {
      assertThat(logs.map(p -> p.getFileName().toString()))
          .singleElement()
          .satisfies(n -> assertThat(n).matches("[a-z0-9_~-]+"));
      assertThat(locks.map(p -> p.getFileName().toString()))
          .filteredOn(n -> n.endsWith(".lock"))
          .allSatisfy(n -> assertThat(n).matches("[a-z0-9_.~-]+"));
    }
  }

  @Test
  void an_uppercase_name_is_still_refused_with_its_lowercase_as_the_hint() throws Exception {
    Cli cli = new Cli(home).config("{\"Backup\": {\"type\": \"shell\", \"command\": \"true\"}}");
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains("Backup: a task name may hold only lowercase letters of any script")
        .contains("rename it, e.g. \"backup\"");
  }

  @Test
  void a_backup_task_named_in_chinese_names_its_archives_after_it() throws Exception {
    Files.writeString(home.resolve("notes.txt"), "笔记");
    Cli cli =
        new Cli(home)
            .config(
                "{\"归档\": {\"type\": \"backup\", \"paths\": [\"notes.txt\"], \"dest\": \"out\"}}");
    Cli.Result run = cli.run("run", "归档");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(home.resolve("out/归档-20261123-100000.tar.gz")).exists();
  }
}
