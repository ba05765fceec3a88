package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickCommandTest {

  @TempDir Path home;

  @Test
  void a_due_shell_task_runs_once_and_is_recorded_with_its_output() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"greet": {"type": "shell", "cron": "*/5 * * * *",
                  "command": "echo hello $RUNNER_TASK $RUNNER_SCHEDULED_TIME $GREETING"}}
                """)
            .dotenv("GREETING=你好\n");
    assertThat(cli.at("2026-11-23T10:00:00Z").run("tick").code()).isZero();
    Cli.Result second = cli.at("2026-11-23T10:05:30Z").run("tick");
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.out()).isEmpty(); // quiet when all is well
    assertThat(second.err()).isEmpty();
    assertThat(cli.at("2026-11-23T10:06:00Z").run("tick").code()).isZero();

    List<Map<String, Object>> rows = cli.history();
    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row)
        .containsEntry("task_name", "greet")
        .containsEntry("status", "success")
        .containsEntry("scheduled_for", "2026-11-23T10:05:00Z")
        .containsEntry("attempt", 1)
        .containsEntry("trigger", "schedule")
        .containsKeys("id", "run_time", "duration");
    Map<String, Object> message = (Map<String, Object>) row.get("message");
    assertThat(message).containsEntry("exit_code", 0);
    assertThat((String) message.get("output_tail"))
        .isEqualTo("hello greet 2026-11-23T10:05:00Z 你好");
    Path log = home.resolve("logs/runs/greet/" + row.get("id") + ".log");
    assertThat(Files.readString(log)).isEqualTo("hello greet 2026-11-23T10:05:00Z 你好\n");
    assertThat(Files.readString(home.resolve("logs/task.log")))
        .contains("start greet run=" + row.get("id"))
        .contains("status=success");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("task_log.db"))))
        .isEqualTo("rw-------");
  }

  @Test
  void exit_codes_map_to_statuses_and_a_failure_makes_the_tick_exit_1() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"ok":   {"type": "shell", "every": "1m", "command": "exit 0"},
                 "no":   {"type": "shell", "every": "1m", "command": "echo not today; exit 1"},
                 "boom": {"type": "shell", "every": "1m", "command": "exit 3"}}
                """);
    Cli.Result tick = cli.run("tick", "--stacktrace");
    assertThat(tick.code()).as(tick.toString()).isEqualTo(1);
    assertThat(tick.err()).contains("no: business_failure").contains("boom: technical_failure");
    assertThat(cli.history())
        .extracting(r -> r.get("task_name") + "=" + r.get("status"))
        .containsExactlyInAnyOrder("ok=success", "no=business_failure", "boom=technical_failure");
    assertThat(cli.history("--status", "failed")).hasSize(2);
  }

  @Test
  void secrets_from_env_are_masked_in_output_history_and_logs() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"leak": {"type": "shell", "every": "1m",
                  "command": "echo token is $NOTION_TOKEN; exit 2"}}
                """)
            .dotenv("NOTION_TOKEN=secret_abc123\n");
    cli.run("tick");
    Map<String, Object> row = cli.history().get(0);
    assertThat(Json.write(row)).doesNotContain("secret_abc123").contains("token is ***");
    assertThat(Files.readString(home.resolve("logs/runs/leak/" + row.get("id") + ".log")))
        .isEqualTo("token is ***\n");
  }

  @Test
  void an_invalid_task_does_not_run_the_others_do_and_its_problem_is_said_once_per_change()
      throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"good": {"type": "shell", "every": "1m", "command": "true"},
                 "bad":  {"type": "shell", "crom": "* * * * *", "command": "true"},
                 "next": {"type": "shell", "depends_on": ["bad"], "command": "true"}}
                """);
    Cli.Result tick = cli.at("2026-11-23T10:00:01Z").run("tick");
    assertThat(tick.code()).as(tick.toString()).isZero();
    assertThat(tick.err())
        .contains(
            "runner: bad is invalid and does not run: tasks_config.json:2:28: bad.crom: unknown"
                + " field; did you mean \"cron\"?")
        .contains("runner: next is invalid and does not run: tasks_config.json:3:42:")
        .doesNotContain("good");
    assertThat(cli.history()).extracting(r -> r.get("task_name")).containsExactly("good");

    // the next minutes run good again and say nothing more (cron mails nothing)
    Cli.Result again = cli.at("2026-11-23T10:01:01Z").run("tick");
    assertThat(again.code()).isZero();
    assertThat(again.err()).isEmpty();
    assertThat(cli.history()).hasSize(2);

    // another problem is said once; refusing is for a file that is not JSON
    cli.config(
        """
        {"good": {"type": "shell", "every": "1m", "command": "true"},
         "bad":  {"type": "shell", "cron": "* * * * *", "command": "true", "timeout": "soon"}}
        """);
    assertThat(cli.at("2026-11-23T10:02:01Z").run("tick").err())
        .contains("bad.timeout")
        .doesNotContain("crom");
    cli.config("{\"good\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"true\"},");
    Cli.Result refused = cli.at("2026-11-23T10:03:01Z").run("tick");
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.history()).hasSize(3);

    assertThat(cli.run("validate").code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void run_and_next_of_an_invalid_task_say_its_problems_and_other_tasks_still_run()
      throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"good": {"type": "shell", "command": "echo fine"},
                 "bad":  {"type": "shell", "cron": "61 * * * *", "command": "true"}}
                """);
    Cli.Result bad = cli.run("run", "bad");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("bad.cron");
    assertThat(cli.run("next", "bad").code()).isEqualTo(ExitCode.USAGE);
    Cli.Result good = cli.run("run", "good");
    assertThat(good.code()).as(good.toString()).isZero();
    assertThat(good.out()).contains("fine");

    Cli.Result list = cli.run("list");
    assertThat(list.out())
        .containsPattern("(?m)^bad +- +- +- +- +invalid +0/0 +tasks_config.json:2:")
        .contains("1 task is invalid and does not run; `runner validate` lists every problem");
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(ExitCode.USAGE);
    assertThat(validate.err()).contains("bad.cron");
  }

  @Test
  void dry_run_prints_the_plan_and_records_nothing() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                "{\"nightly\": {\"type\": \"shell\", \"cron\": \"0 2 * * *\", \"command\": \"true\"}}");
    cli.at("2026-11-22T00:00:00Z").run("tick");
    Cli.Result dry = cli.at("2026-11-23T10:00:00Z").run("tick", "--dry-run");
    assertThat(dry.out()).contains("would run   nightly  for 2026-11-23T02:00:00Z");
    assertThat(dry.out()).contains("(1 earlier fires skipped)");
    assertThat(cli.history()).isEmpty();
    Cli.Result real = cli.run("tick");
    assertThat(real.code()).isZero();
    assertThat(cli.history()).hasSize(1);
  }

  @Test
  void now_option_simulates_time_and_catchup_all_runs_each_missed_fire_in_order() throws Exception {
    Cli cli =
        new Cli(home)
            .config(
                """
                {"sync": {"type": "shell", "cron": "0 * * * *", "catchup": "all",
                          "command": "echo $RUNNER_SCHEDULED_TIME"}}
                """);
    cli.run("tick", "--now", "2026-11-23T00:30:00Z");
    cli.run("tick", "--now", "2026-11-23T03:10:00Z");
    assertThat(cli.history())
        .extracting(r -> r.get("scheduled_for"))
        .containsExactly("2026-11-23T03:00:00Z", "2026-11-23T02:00:00Z", "2026-11-23T01:00:00Z");
  }

  @Test
  void a_terminal_gets_a_one_line_summary() throws Exception {
    Cli cli =
        new Cli(home)
            .config("{\"a\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"true\"}}");
    cli.terminal = true;
    assertThat(cli.run("tick").out()).isEqualTo("tick: 1 ran, 1 success\n");
    assertThat(cli.run("tick").out()).isEqualTo("tick: nothing was due\n");
  }

  @Test
  void task_log_keeps_runner_log_days_of_rolled_files() throws Exception {
    Cli cli =
        new Cli(home)
            .config("{\"a\": {\"type\": \"shell\", \"every\": \"1m\", \"command\": \"true\"}}");
    cli.env.put("RUNNER_LOG_DAYS", "3");
    Path logs = Files.createDirectories(home.resolve("logs"));
    // logback dates its rolled files by the real calendar, so these are made relative to it
    java.time.LocalDate today = java.time.LocalDate.now();
    Path old = Files.writeString(logs.resolve("task." + today.minusDays(10) + ".log"), "old\n");
    Path recent = Files.writeString(logs.resolve("task." + today.minusDays(1) + ".log"), "new\n");
    assertThat(cli.run("tick").code()).isZero();
    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(logs.resolve("task.log")).content().contains("start a run=1");
  }

  @Test
  void the_pool_runs_at_most_runner_max_workers_tasks_at_once() throws Exception {
    // Each run marks its start and holds its worker until the test releases it, or until more
    // runs have started than the bound allows: a pool without the bound starts all four at once,
    // and they end by themselves with three or four under way together.
    Files.writeString(
        home.resolve("hold.sh"),
        """
        echo "start $RUNNER_TASK" >> marks.log
        i=0
        until [ -e release ] || [ "$(grep -c '^start' marks.log)" -gt 2 ]; do
          i=$((i + 1)); [ "$i" -lt 3000 ] || exit 9
          sleep 0.01
        done
        """);
    String task = "{\"type\": \"shell\", \"every\": \"1m\", \"command\": \"sh hold.sh\"}";
    Cli cli = new Cli(home).config("{\"a\": T, \"b\": T, \"c\": T, \"d\": T}".replace("T", task));
    cli.env.put("RUNNER_MAX_WORKERS", "2");
    Path marks = home.resolve("marks.log");
    CompletableFuture<Cli.Result> tick = CompletableFuture.supplyAsync(() -> cli.run("tick"));
    PackagedJar.awaitTrue(
        "two runs holding their workers", Duration.ofSeconds(30), () -> starts(marks) >= 2);
    Files.createFile(home.resolve("release"));
    Cli.Result done = tick.get(60, TimeUnit.SECONDS);
    assertThat(done.code()).as(done.toString()).isZero();

    // Counted from task.log: a worker writes a run's start line before its process starts and its
    // end line once the run is recorded, so an unbounded pool's runs overlap there even when their
    // processes barely would.
    List<String> lines =
        Files.readAllLines(home.resolve("logs/task.log")).stream()
            .filter(l -> l.contains(" start ") || l.contains(" end "))
            .toList();
    assertThat(lines).hasSize(8);
    int running = 0;
    int most = 0;
    for (String line : lines) {
      running += line.contains(" start ") ? 1 : -1;
      most = Math.max(most, running);
    }
    // exactly two: the test released the runs only once two held their workers together
    assertThat(most).as(String.join("\n", lines)).isEqualTo(2);
  }

  private static long starts(Path marks) {
    try {
      return Files.exists(marks)
          ? Files.readAllLines(marks).stream().filter(l -> l.startsWith("start ")).count()
          : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void argv_runs_without_a_shell_in_cwd_relative_to_the_home() throws Exception {
    Files.createDirectories(home.resolve("work"));
    Cli cli =
        new Cli(home)
            .config(
                """
                {"literal": {"type": "shell", "every": "1m", "cwd": "work",
                             "argv": ["/bin/sh", "-c", "pwd; echo \\"$0\\"", "$HOME stays as written"]}}
                """);
    assertThat(cli.run("tick").code()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) cli.history().get(0).get("message");
    assertThat((String) message.get("output_tail"))
        .isEqualTo(home.resolve("work").toRealPath() + "\n$HOME stays as written");
  }

  @Test
  void the_home_comes_from_runner_home_when_no_option_is_given() throws Exception {
    Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(
        elsewhere.resolve("tasks_config.json"),
        "{\"x\": {\"type\": \"shell\", \"command\": \"true\"}}");
    Cli cli = new Cli(home);
    cli.env.put("RUNNER_HOME", elsewhere.toString());
    assertThat(cli.run("validate").out()).isEqualTo("tasks_config.json: ok, 1 task\n");
    Cli.Result none = new Cli(home).run("validate");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("tasks_config.json:1:1: file not found");
  }
}
