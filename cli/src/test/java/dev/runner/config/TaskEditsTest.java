package dev.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating, replacing and deleting a task edits only that task's member: every other byte of the
 * file (comments, Chinese text, CRLF, a BOM, tabs or spaces) is compared whole.
 */
class TaskEditsTest {

  @TempDir Path dir;

  ConfigEditor editor() {
    return new ConfigEditor(
        new ConfigLoader(TaskTypes.load(getClass().getClassLoader()), Map.of(), ZoneOffset.UTC));
  }

  Home home() {
    return Home.resolve(null, null, null, Map.of(), dir);
  }

  Path file() {
    return dir.resolve("tasks_config.json");
  }

  void write(String text) throws Exception {
    Files.writeString(file(), text, StandardCharsets.UTF_8);
  }

  String read() throws Exception {
    return Files.readString(file(), StandardCharsets.UTF_8);
  }

  static Map<String, Object> shell(String command) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("type", "shell");
    task.put("command", command);
    task.put("cron", "0 3 * * *");
    return task;
  }

  static Map<String, Object> cmd(String command) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("type", "shell");
    task.put("command", command);
    return task;
  }

  static final String FOUR_SPACES =
      """
      {
          // 每天的日记
          "日记": {
              "type": "shell",
              "command": "echo 你好",   /* greets */
              "cron": "0 0 * * *"
          },
          "backup": {
              "type": "shell",
              "command": "true",
              "depends_on": ["日记"]
          } // the last one
      }
      """;

  @Test
  void a_created_task_goes_after_the_last_with_the_files_four_space_indent() throws Exception {
    write(FOUR_SPACES);
    editor().create(home(), "清理", shell("rm -f /tmp/x"));
    assertThat(read())
        .isEqualTo(
            FOUR_SPACES.replace(
                "    } // the last one\n",
                """
                    }, // the last one
                    "清理": {
                        "type": "shell",
                        "command": "rm -f /tmp/x",
                        "cron": "0 3 * * *"
                    }
                """));
  }

  @Test
  void crlf_a_bom_and_tabs_are_kept_and_used_for_the_new_task() throws Exception {
    String original =
        "\uFEFF{\r\n\t\"a\": {\r\n\t\t\"type\": \"shell\",\r\n\t\t\"command\": \"true\"\r\n\t}\r\n}\r\n";
    write(original);
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("type", "shell");
    task.put("command", "echo 二");
    task.put("env", Map.of("LANG", "zh_CN.UTF-8"));
    editor().create(home(), "b", task);
    assertThat(read())
        .isEqualTo(
            "\uFEFF{\r\n\t\"a\": {\r\n\t\t\"type\": \"shell\",\r\n\t\t\"command\": \"true\"\r\n\t},"
                + "\r\n\t\"b\": {\r\n\t\t\"type\": \"shell\",\r\n\t\t\"command\": \"echo 二\","
                + "\r\n\t\t\"env\": {\r\n\t\t\t\"LANG\": \"zh_CN.UTF-8\"\r\n\t\t}\r\n\t}\r\n}\r\n");
  }

  @Test
  void two_space_files_and_one_line_tasks_keep_their_layout() throws Exception {
    String original =
        "{\n  \"a\": { \"type\": \"shell\", \"command\": \"true\", \"depends_on\": [] }\n}\n";
    write(original);
    editor().create(home(), "b", shell("true"));
    assertThat(read())
        .isEqualTo(
            "{\n  \"a\": { \"type\": \"shell\", \"command\": \"true\", \"depends_on\": [] },\n"
                + "  \"b\": { \"type\": \"shell\", \"command\": \"true\", \"cron\": \"0 3 * * *\""
                + " }\n}\n");
  }

  @Test
  void a_compact_file_and_an_empty_one_take_a_task_too() throws Exception {
    write("{\"a\": {\"type\": \"shell\", \"command\": \"true\"}}");
    editor().create(home(), "b", shell("x"));
    assertThat(read())
        .isEqualTo(
            "{\"a\": {\"type\": \"shell\", \"command\": \"true\"}, \"b\": {\"type\": \"shell\","
                + " \"command\": \"x\", \"cron\": \"0 3 * * *\"}}");

    write("{}\n");
    editor().create(home(), "b", cmd("true"));
    assertThat(read())
        .isEqualTo("{\n  \"b\": {\n    \"type\": \"shell\",\n    \"command\": \"true\"\n  }\n}\n");
  }

  @Test
  void a_trailing_comma_is_kept_after_the_new_last_task() throws Exception {
    write("{\n  \"a\": {\n    \"type\": \"shell\",\n    \"command\": \"true\"\n  },\n}\n");
    editor().create(home(), "b", cmd("false"));
    assertThat(read())
        .isEqualTo(
            "{\n  \"a\": {\n    \"type\": \"shell\",\n    \"command\": \"true\"\n  },\n"
                + "  \"b\": {\n    \"type\": \"shell\",\n    \"command\": \"false\"\n  },\n}\n");
  }

  @Test
  void a_replaced_task_is_rewritten_in_its_indent_and_the_rest_is_untouched() throws Exception {
    write(FOUR_SPACES);
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("type", "shell");
    task.put("command", "echo 再见");
    task.put("timeout", "30s");
    task.put("retries", Map.of("max", 2));
    editor().replace(home(), "日记", task);
    assertThat(read())
        .isEqualTo(
            FOUR_SPACES.replace(
                """
                {
                        "type": "shell",
                        "command": "echo 你好",   /* greets */
                        "cron": "0 0 * * *"
                    }\
                """,
                """
                {
                        "type": "shell",
                        "command": "echo 再见",
                        "timeout": "30s",
                        "retries": {
                            "max": 2
                        }
                    }\
                """));
  }

  @Test
  void a_deleted_task_takes_its_lines_and_comma_and_leaves_the_comment_above_it() throws Exception {
    String original =
        """
        {
          // nightly
          "a": {
            "type": "shell", "command": "true"
          },
          // the copy
          "b": {"type": "shell", "command": "true"}, // b's own
          "c": {"type": "shell", "command": "true"}
        }
        """;
    write(original);
    editor().delete(home(), "b");
    assertThat(read())
        .isEqualTo(
            original.replace(
                "  \"b\": {\"type\": \"shell\", \"command\": \"true\"}, // b's own\n", ""));
    editor().delete(home(), "c");
    assertThat(read())
        .isEqualTo(
            """
            {
              // nightly
              "a": {
                "type": "shell", "command": "true"
              }
              // the copy
            }
            """);
    editor().delete(home(), "a");
    assertThat(read()).isEqualTo("{\n  // nightly\n  // the copy\n}\n");
  }

  @Test
  void the_last_task_with_a_trailing_comma_goes_and_the_comma_before_it_stays() throws Exception {
    write(
        "{\r\n    \"a\": {\"type\": \"shell\", \"command\": \"true\"},\r\n    \"b\": {\"type\": \"shell\", \"command\": \"true\"},\r\n}");
    editor().delete(home(), "b");
    assertThat(read())
        .isEqualTo("{\r\n    \"a\": {\"type\": \"shell\", \"command\": \"true\"},\r\n}");
  }

  @Test
  void on_one_line_a_deleted_task_takes_its_separator() throws Exception {
    write(
        "{\"a\": {\"type\": \"shell\", \"command\": \"true\"}, \"b\": {\"type\": \"shell\", \"command\": \"true\"}, \"c\": 1}");
    assertThatThrownBy(() -> editor().delete(home(), "nope"))
        .isInstanceOf(UnknownTaskException.class);
    write(
        "{\"a\": {\"type\": \"shell\", \"command\": \"true\"}, \"b\": {\"type\": \"shell\", \"command\": \"true\"}, \"c\": {\"type\": \"shell\", \"command\": \"true\"}}");
    editor().delete(home(), "b");
    assertThat(read())
        .isEqualTo(
            "{\"a\": {\"type\": \"shell\", \"command\": \"true\"}, \"c\": {\"type\": \"shell\", \"command\": \"true\"}}");
    editor().delete(home(), "c");
    assertThat(read()).isEqualTo("{\"a\": {\"type\": \"shell\", \"command\": \"true\"}}");
    editor().delete(home(), "a");
    assertThat(read()).isEqualTo("{}");
  }

  @Test
  void a_task_others_depend_on_is_not_deleted_and_they_are_named() throws Exception {
    write(FOUR_SPACES);
    assertThatThrownBy(() -> editor().delete(home(), "日记"))
        .isInstanceOf(InvalidConfigException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigException) e).problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.path()).isEqualTo("backup.depends_on");
                          assertThat(p.message()).contains("backup depends on \"日记\"");
                          assertThat(p.position().line()).isEqualTo(11);
                        }));
    assertThat(read()).isEqualTo(FOUR_SPACES);
  }

  @Test
  void an_existing_name_an_unknown_one_and_an_invalid_result_write_nothing() throws Exception {
    write(FOUR_SPACES);
    assertThatThrownBy(() -> editor().create(home(), "backup", shell("true")))
        .isInstanceOf(TaskExistsException.class);
    assertThatThrownBy(() -> editor().replace(home(), "bakup", shell("true")))
        .isInstanceOf(UnknownTaskException.class)
        .hasFieldOrPropertyWithValue("task", "bakup")
        .satisfies(
            e ->
                assertThat(((UnknownTaskException) e).problems().get(0).hint())
                    .contains("\"backup\""));
    Map<String, Object> bad = new LinkedHashMap<>(shell("true"));
    bad.put("cron", "61 * * * *");
    assertThatThrownBy(() -> editor().create(home(), "x", bad))
        .isInstanceOf(InvalidConfigException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigException) e).problems())
                    .anySatisfy(p -> assertThat(p.path()).isEqualTo("x.cron")));
    assertThatThrownBy(() -> editor().create(home(), "Bad Name", shell("true")))
        .isInstanceOf(InvalidConfigException.class);
    assertThat(read()).isEqualTo(FOUR_SPACES);
  }

  @Test
  void the_whole_text_is_written_as_given_only_at_the_version_it_was_read_at() throws Exception {
    write(FOUR_SPACES);
    String version = ConfigFile.read(file()).version();
    assertThatThrownBy(() -> editor().replaceText(home(), "{}", "0".repeat(64)))
        .isInstanceOf(StaleConfigException.class)
        .hasFieldOrPropertyWithValue("current", version);
    assertThatThrownBy(() -> editor().replaceText(home(), "{\"a\": 1}", version))
        .isInstanceOf(InvalidConfigException.class);
    assertThat(read()).isEqualTo(FOUR_SPACES);
    String next = "{\r\n  \"z\": {\"type\": \"shell\", \"command\": \"true\"} // 好\r\n}";
    String written = editor().replaceText(home(), next, version);
    assertThat(read()).isEqualTo(next);
    assertThat(written).isEqualTo(ConfigFile.read(file()).version()).isNotEqualTo(version);
    assertThat(editor().problems(home(), "{\"a\": {\"type\": \"shell\", \"every\": \"1x\"}}"))
        .anySatisfy(p -> assertThat(p.path()).isEqualTo("a.every"));
    assertThat(editor().problems(home(), next)).isEmpty();
  }

  @Test
  void edits_from_many_threads_do_not_interleave_and_none_is_lost() throws Exception {
    write("{\n  \"a\": {\"type\": \"shell\", \"command\": \"true\"}\n}\n");
    ConfigEditor editor = editor(); // the server's one editor, shared by its request threads
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      String name = "t" + i;
      Thread thread =
          new Thread(
              () -> {
                try {
                  editor.create(home(), name, cmd("echo " + name));
                  editor.setEnabled(home(), List.of(name), false);
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
    RunnerConfig config =
        new ConfigLoader(TaskTypes.load(getClass().getClassLoader()), Map.of(), ZoneOffset.UTC)
            .load(home());
    assertThat(config.names()).hasSize(9);
    assertThat(config.tasks()).filteredOn(t -> !t.enabled()).hasSize(8);
    assertThat(read()).startsWith("{\n  \"a\": {\"type\": \"shell\", \"command\": \"true\"},\n");
  }

  @Test
  void a_file_of_only_its_schema_takes_the_first_task_below_it() throws Exception {
    write("{\n    \"$schema\": \"./tasks_config.schema.json\"\n}\n");
    editor().create(home(), "a", cmd("true"));
    assertThat(read())
        .isEqualTo(
            "{\n    \"$schema\": \"./tasks_config.schema.json\",\n    \"a\": {\n"
                + "        \"type\": \"shell\",\n        \"command\": \"true\"\n    }\n}\n");
    assertThatThrownBy(() -> editor().delete(home(), "$schema"))
        .isInstanceOf(UnknownTaskException.class);
  }

  @Test
  void a_one_line_task_is_replaced_on_one_line_and_a_broken_one_by_the_files_indent()
      throws Exception {
    String original =
        "{\n  \"a\": { \"type\": \"shell\", \"command\": \"true\" },\n"
            + "  \"b\": {\n      \"type\": \"shell\",\n      \"command\": \"true\"\n  },\n"
            + "  \"c\": 1\n}\n";
    write(original);
    editor().replace(home(), "c", cmd("echo c"));
    String fixed =
        original.replace(
            "\"c\": 1", "\"c\": {\n      \"type\": \"shell\",\n      \"command\": \"echo c\"\n  }");
    assertThat(read()).isEqualTo(fixed);
    editor().replace(home(), "a", cmd("echo a"));
    assertThat(read())
        .isEqualTo(
            fixed.replace(
                "{ \"type\": \"shell\", \"command\": \"true\" }",
                "{ \"type\": \"shell\", \"command\": \"echo a\" }"));
  }
}
