package dev.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runner.task.shell.ShellTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  RunnerConfig load(String json, String env, Map<String, String> process) throws Exception {
    Files.writeString(dir.resolve("tasks_config.json"), json);
    if (env != null) {
      Files.writeString(dir.resolve(".env"), env);
    }
    Home home = Home.resolve(null, null, null, Map.of(), dir);
    return new ConfigLoader(TaskTypes.load(getClass().getClassLoader()), process, ZoneOffset.UTC)
        .load(home);
  }

  List<String> problems(String json) {
    return problems(json, null);
  }

  /** The problems of the files as a whole, or else of the tasks that are invalid. */
  List<String> problems(String json, String env) {
    List<Problem> problems;
    try {
      problems = load(json, env, Map.of()).problems();
    } catch (InvalidConfigException e) {
      problems = e.problems();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(problems).as("expected the config to be invalid").isNotEmpty();
    return problems.stream().map(Problem::toString).toList();
  }

  @Test
  void a_problem_confined_to_a_task_makes_it_and_its_dependents_invalid_and_the_rest_load()
      throws Exception {
    RunnerConfig config =
        load(
            """
            {"ok":       {"type": "shell", "cron": "0 * * * *", "command": "true"},
             "broken":   {"type": "shell", "cron": "61 * * * *", "command": "true"},
             "after":    {"type": "shell", "depends_on": ["broken"], "command": "true"},
             "after2":   {"type": "shell", "depends_on": ["after"], "command": "true"},
             "a":        {"type": "shell", "depends_on": ["b"], "command": "true"},
             "b":        {"type": "shell", "depends_on": ["a"], "command": "true"},
             "unknown":  {"type": "shell", "depends_on": ["nosuch"], "command": "true"}}
            """,
            null,
            Map.of());
    assertThat(config.tasks()).extracting(TaskDef::name).containsExactly("ok");
    assertThat(config.invalid())
        .extracting(InvalidTask::name)
        .containsExactly("broken", "after", "after2", "a", "b", "unknown");
    assertThat(config.invalidTask("after").orElseThrow().problems())
        .extracting(Problem::toString)
        .containsExactly(
            "tasks_config.json:3:46: after.depends_on: depends on \"broken\", which is invalid;"
                + " fix broken (its problems are listed too), or drop it here");
    assertThat(config.invalidTask("b").orElseThrow().problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("dependency cycle");
  }

  @Test
  void a_file_that_is_not_json_or_a_bad_setting_is_refused_as_a_whole() {
    assertThat(
            catchThrowableOfType(
                InvalidConfigException.class,
                () -> load("{\"ok\": {\"command\": \"true\"", null, Map.of())))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                InvalidConfigException.class,
                () ->
                    load(
                        "{\"ok\": {\"type\": \"shell\", \"command\": \"true\"}}",
                        "RUNNER_TIMEZONE=Mars/Base\n",
                        Map.of())))
        .isNotNull();
  }

  @Test
  void every_problem_is_reported_at_once_with_file_line_column_and_hint() {
    assertThat(
            problems(
                """
                {
                  "backup": {
                    "type": "shel",
                    "cron": "0 25 * * *",
                    "overlap": "skipp"
                  },
                  "Bad Name": {"type": "shell", "command": "true", "timezone": "Asia/Shangai"}
                }
                """))
        .containsExactly(
            "tasks_config.json:3:13: backup.type: unknown task type \"shel\"; did you mean"
                + " \"shell\"? known types: backup, daily_journal, dify_workflow, http, shell,"
                + " weekly_review",
            "tasks_config.json:4:13: backup.cron: hour field '25': 25 is out of range 0-23",
            "tasks_config.json:5:16: backup.overlap: 'skipp' is not one of skip, allow; did you"
                + " mean \"skip\"?",
            "tasks_config.json:7:3: Bad Name: a task name may hold only lowercase letters of any"
                + " script (backup, 备份), digits 0-9, '_', '.' and '-'; rename it, e.g."
                + " \"bad_name\"",
            "tasks_config.json:7:64: Bad Name.timezone: 'Asia/Shangai' is not a time zone; did"
                + " you mean \"Asia/Shanghai\"?");
  }

  @Test
  void the_seed_example_asks_for_the_notion_keys_of_its_enabled_journal_only() {
    assertThat(
            problems(
                """
                {
                  "daily_journal": { "enabled": true,  "cron": "0 0 * * *", "description": "每日创建 Notion 日记" },
                  "weekly_review": { "enabled": false, "cron": "0 8 * * 1", "description": "每周一生成周报模板" }
                }
                """))
        .containsExactly(
            "tasks_config.json:2:20: daily_journal: daily_journal needs NOTION_TOKEN; add"
                + " NOTION_TOKEN=secret_... (an internal integration's token) to .env",
            "tasks_config.json:2:20: daily_journal: daily_journal needs NOTION_DATABASE_ID; add"
                + " NOTION_DATABASE_ID=... to .env, or \"database_id\" to the task");
  }

  @Test
  void syntax_errors_point_at_the_spot() {
    assertThat(problems("{\n  \"a\": {\"type\": \"shell\",}\n}"))
        .singleElement()
        .asString()
        .startsWith("tasks_config.json:2:");
  }

  @Test
  void env_variables_expand_and_an_unset_one_is_an_error_except_in_shell_commands()
      throws Exception {
    RunnerConfig config =
        load(
            """
            {"t": {"type": "shell", "command": "echo ${LATER}", "cwd": "${DIR}",
                   "params": {"url": "https://x/${DIR}/$${literal}"}}}
            """,
            "export DIR='data dir'\n",
            Map.of());
    TaskDef task = config.task("t").orElseThrow();
    assertThat(task.params()).containsEntry("url", "https://x/data dir/${literal}");
    assertThat(problems("{\"t\": {\"type\": \"shell\", \"command\": \"x\", \"cwd\": \"${NOPE}\"}}"))
        .containsExactly(
            "tasks_config.json:1:48: t.cwd: ${NOPE} is not set; define NOPE in .env or the"
                + " environment");
  }

  @Test
  void argv_has_no_shell_so_runner_expands_its_variables_and_an_unset_one_is_a_problem()
      throws Exception {
    RunnerConfig config =
        load(
            "{\"t\": {\"type\": \"shell\", \"argv\": [\"echo\", \"${DIR}\", \"$DIR\", \"$${x}\"]}}",
            "DIR=/srv/data\n",
            Map.of());
    assertThat(((ShellTask) config.task("t").orElseThrow().task()).spec().program())
        .containsExactly("echo", "/srv/data", "$DIR", "${x}");
    assertThat(problems("{\"t\": {\"type\": \"shell\", \"argv\": [\"echo\", \"${NOPE}\"]}}"))
        .singleElement()
        .asString()
        .contains("t.argv: ${NOPE} is not set");
  }

  @Test
  void process_environment_wins_over_dotenv() throws Exception {
    RunnerConfig config =
        load(
            "{}",
            "# settings\nRUNNER_MAX_WORKERS=2\nRUNNER_TIMEZONE=\"Asia/Shanghai\"\n",
            Map.of("RUNNER_MAX_WORKERS", "7"));
    assertThat(config.settings().maxWorkers()).isEqualTo(7);
    assertThat(config.settings().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void dotenv_mistakes_have_line_numbers() {
    assertThat(problems("{}", "A=1\nthis is not a setting\nRUNNER_MAX_WORKERS=many\n"))
        .containsExactly(
            ".env:2:1: this is not a setting: not a KEY=VALUE line; write NAME=value; names are"
                + " letters, digits and _",
            ".env:3:1: RUNNER_MAX_WORKERS: 'many' is not a positive whole number; the default is 4");
  }

  @Test
  void schedules_conflict_and_dependencies_are_checked() {
    assertThat(
            problems(
                """
                {"a": {"type": "shell", "command": "x", "cron": "* * * * *", "every": "5m"},
                 "b": {"type": "shell", "command": "x", "depends_on": ["c", "zz"]},
                 "c": {"type": "shell", "command": "x", "depends_on": ["b"]}}
                """))
        .contains(
            "tasks_config.json:1:71: a.every: a task takes one schedule, found cron and every;"
                + " keep one of them")
        .anyMatch(p -> p.contains("b.depends_on: no task named \"zz\""))
        .anyMatch(p -> p.contains("dependency cycle") && p.contains("b -> c -> b"));
  }

  @Test
  void a_valid_task_gets_its_defaults() throws Exception {
    TaskDef task =
        load(
                "{\"t\": {\"type\": \"shell\", \"command\": \"true\", \"every\": \"90s\","
                    + " \"timeout\": \"1h30m\"}}",
                null,
                Map.of())
            .task("t")
            .orElseThrow();
    assertThat(task.enabled()).isTrue();
    assertThat(task.catchup()).isEqualTo(TaskDef.Catchup.LATEST);
    assertThat(task.overlap()).isEqualTo(TaskDef.Overlap.SKIP);
    assertThat(task.timeout()).hasMinutes(90);
    assertThat(task.scheduleText()).isEqualTo("every 1m30s");
  }
}
