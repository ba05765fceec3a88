package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

  @TempDir Path home;
  Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    cli =
        new Cli(home)
            .config(
                """
                {
                  "daily_note": {
                    "type": "shell", "cron": "0 0 * * *", "command": "echo 日记 $RUNNER_TRIGGER",
                    "description": "每日创建日记"
                  },
                  "backup": {
                    "type": "shell", "every": "1h", "command": "echo size=$SIZE; exit 1",
                    "description": "备份 backup"
                  },
                  "by_hand": {"type": "shell", "command": "echo param=$P"}
                }
                """);
  }

  @Test
  void list_lines_up_columns_with_chinese_text() {
    cli.run("tick");
    Cli.Result list = cli.run("list");
    assertThat(list.code()).isZero();
    assertThat(list.out())
        .isEqualTo(
            """
            NAME        ON   TYPE   SCHEDULE   NEXT                 LAST              OK/FAIL  DESCRIPTION
            daily_note  yes  shell  0 0 * * *  2026-11-24 00:00:00  -                 0/0      每日创建日记
            backup      yes  shell  every 1h   2026-11-23 11:00:00  business_failure  0/1      备份 backup
            by_hand     yes  shell  manual     -                    -                 0/0
            """);
  }

  @Test
  @SuppressWarnings("unchecked")
  void list_json_has_the_documented_fields() throws Exception {
    Cli.Result list = cli.run("list", "--json");
    List<Map<String, Object>> rows = new ObjectMapper().readValue(list.out(), List.class);
    assertThat(rows.get(0))
        .containsEntry("name", "daily_note")
        .containsEntry("enabled", true)
        .containsEntry("type", "shell")
        .containsEntry("schedule", "0 0 * * *")
        .containsEntry("next_run", "2026-11-24T00:00:00Z")
        .containsKey("last_status");
  }

  @Test
  void run_starts_a_task_in_the_foreground_with_its_exit_code() {
    Cli.Result ok = cli.run("run", "daily_note");
    assertThat(ok.code()).as(ok.toString()).isZero();
    assertThat(ok.out()).isEqualTo("日记 manual\n");
    assertThat(ok.err()).startsWith("daily_note: success in ");
    Cli.Result failed = cli.run("run", "backup");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).contains("business_failure").contains("exit code 1");
    Cli.Result unknown = cli.run("run", "bakup");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo(
            "runner: no task named \"bakup\" in tasks_config.json; did you mean \"backup\"?\n");
  }

  @Test
  void run_param_sets_a_value_of_the_tasks_params_for_that_run_only() throws Exception {
    // A shell task is not given its params; an http task's templates are, so the peer sees them.
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    try {
      cli.config(
          """
          {"call": {"type": "http", "url": "http://127.0.0.1:%d/",
                    "params": {"note": "from the config", "who": "config"},
                    "body": {"note": "{{params.note}}", "who": "{{params.who}}"}}}
          """
              .formatted(server.getAddress().getPort()));
      Cli.Result given = cli.run("run", "call", "--param", "note=从命令行");
      assertThat(given.code()).as(given.toString()).isZero();
      Cli.Result plain = cli.run("run", "call");
      assertThat(plain.code()).as(plain.toString()).isZero();
    } finally {
      server.stop(0);
    }
    ObjectMapper json = new ObjectMapper();
    assertThat(bodies).hasSize(2);
    assertThat(json.readValue(bodies.get(0), Map.class))
        .containsEntry("note", "从命令行")
        .containsEntry("who", "config");
    assertThat(json.readValue(bodies.get(1), Map.class))
        .containsEntry("note", "from the config")
        .containsEntry("who", "config");
  }

  @Test
  void a_shell_tasks_env_entries_reach_its_process() throws Exception {
    cli.config(
        """
        {"by_hand": {"type": "shell", "command": "echo param=$P; echo note=$NOTE",
                     "env": {"P": "from env", "NOTE": "你好"}}}
        """);
    Cli.Result run = cli.run("run", "by_hand");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("param=from env\nnote=你好\n");
  }

  @Test
  void history_filters_by_task_and_status_and_pages() throws Exception {
    cli.run("run", "daily_note");
    cli.run("run", "backup");
    cli.run("run", "backup");
    assertThat(cli.history("--task", "backup")).hasSize(2);
    assertThat(cli.history("--status", "success"))
        .extracting(r -> r.get("task_name"))
        .containsExactly("daily_note");
    assertThat(cli.history("--limit", "1", "--page", "3"))
        .extracting(r -> r.get("task_name"))
        .containsExactly("daily_note");
    Cli.Result bad = cli.run("history", "--status", "sucess");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("did you mean \"success\"?");
    Cli.Result table = cli.run("history", "--task", "daily_note");
    assertThat(table.out()).contains("daily_note  success").contains("日记 manual");
  }

  @Test
  void logs_prints_a_runs_full_output() {
    cli.run("run", "daily_note");
    Cli.Result logs = cli.run("logs", "1");
    assertThat(logs.code()).isZero();
    assertThat(logs.out()).isEqualTo("日记 manual\n");
    assertThat(cli.run("logs", "99").err()).contains("no run with id 99");
  }

  @Test
  void a_run_that_prints_nothing_leaves_no_file_and_logs_says_so() throws Exception {
    cli.config("{\"quiet\": {\"type\": \"shell\", \"command\": \"true\"}}");
    assertThat(cli.run("run", "quiet").code()).isZero();
    assertThat(home.resolve("logs/runs/quiet")).doesNotExist();
    Cli.Result logs = cli.run("logs", "1");
    assertThat(logs.code()).isZero();
    assertThat(logs.out()).isEmpty();
    assertThat(logs.err()).isEqualTo("runner: run 1 (quiet, success) printed nothing\n");
  }

  @Test
  void enable_and_disable_switch_tasks_and_reject_unknown_names() throws Exception {
    Cli.Result off = cli.run("disable", "backup");
    assertThat(off.out()).isEqualTo("backup: disabled\n");
    assertThat(Files.readString(home.resolve("tasks_config.json")))
        .contains("\"backup\": {\n    \"enabled\": false,\n    \"type\": \"shell\"");
    assertThat(cli.run("disable", "backup").out()).isEqualTo("backup: already disabled\n");
    assertThat(cli.run("enable", "backup").out()).isEqualTo("backup: enabled\n");
    Cli.Result unknown = cli.run("enable", "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no task named \"nope\"");
  }

  @Test
  void validate_says_ok_or_lists_problems_in_json() throws Exception {
    assertThat(cli.run("validate").out()).isEqualTo("tasks_config.json: ok, 3 tasks\n");
    cli.config("{\"x\": {\"type\": \"shell\", \"command\": \"true\", \"every\": \"soon\"}}");
    Cli.Result invalid = cli.run("validate", "--json");
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.out()).contains("\"valid\" : false").contains("\"path\" : \"x.every\"");
  }

  @Test
  void next_and_cron_preview_fire_times() {
    assertThat(cli.run("next", "daily_note", "-n", "2", "--json").out())
        .isEqualTo("[\"2026-11-24T00:00:00Z\",\"2026-11-25T00:00:00Z\"]\n");
    Cli.Result cron =
        cli.run(
            "cron", "30 2 * * *", "--tz", "America/New_York", "--from", "2026-03-07", "-n", "3");
    assertThat(cron.out())
        .isEqualTo(
            "2026-03-07T02:30:00-05:00\n2026-03-08T03:30:00-04:00\n2026-03-09T02:30:00-04:00\n");
    Cli.Result wrong = cli.run("cron", "61 * * * *");
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).isEqualTo("runner: cron: minute field '61': 61 is out of range 0-59\n");
  }

  @Test
  void help_lists_the_commands_and_exit_codes() {
    Cli.Result help = cli.run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("tick", "run", "history", "enable", "validate", "cron")
        .contains("3   busy: another process holds what is needed");
    assertThat(cli.run("tick", "--help").out()).contains("--dry-run").contains("--now=ISO");
  }

  @Test
  void an_env_file_given_on_purpose_must_exist_while_the_default_env_may_be_missing()
      throws Exception {
    assertThat(home.resolve(".env")).doesNotExist();
    assertThat(cli.run("run", "by_hand").code()).isZero();
    for (String command : new String[] {"run", "history", "validate"}) {
      Cli.Result missing =
          command.equals("run")
              ? cli.run("--env-file", home.resolve("prod.env").toString(), "run", "by_hand")
              : cli.run("--env-file", home.resolve("prod.env").toString(), command);
      assertThat(missing.code()).as(missing.toString()).isEqualTo(2);
      assertThat(missing.err())
          .as(command)
          .contains("prod.env:1:1: --env-file: file not found (" + home.resolve("prod.env") + ")")
          .contains("leave --env-file out to use HOME/.env");
    }
    Files.writeString(home.resolve("prod.env"), "P=from-prod\n");
    Cli.Result given = cli.run("--env-file", home.resolve("prod.env").toString(), "run", "by_hand");
    assertThat(given.code()).as(given.toString()).isZero();
    assertThat(given.out()).contains("param=from-prod");
  }
}
