package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.runner.task.notion.FakeNotion;
import dev.runner.testing.StalledPeer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in task types through the whole runner, for what only it adds: the task's timeout and
 * how it shows in history, the loader's reading of fields, the user's seed config, the fire's
 * instant and zone a tick hands the run. What each type does is tested beside it, in the tasks
 * module.
 */
class TaskTypeRunsTest {

  @TempDir Path home;

  CliHarness harness(String task) throws Exception {
    return new CliHarness(home).config("{\"call\": " + task + "}");
  }

  @Test
  void an_event_stream_that_stalls_after_one_event_ends_at_the_task_timeout() throws Exception {
    try (StalledPeer peer = StalledPeer.eventStream("event: progress\ndata: 10%\n\n")) {
      CliHarness cli =
          harness(
              "{\"type\": \"http\", \"url\": \"%s\", \"sse\": true, \"timeout\": \"1s\"}"
                  .formatted(peer.url("/events")));
      long started = System.nanoTime();
      CliHarness.Result run =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> cli.run("run", "call"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(run.out()).contains("event progress: 10%");
      assertThat(cli.lastRow().get("status")).isEqualTo("timeout");
      assertThat(cli.lastMessage().get("error").toString()).contains("timed out after 1s");
      assertThat(cli.lastMessage().get("output_tail").toString()).contains("stopped after 1 event");
    }
  }

  @Test
  void a_request_timeout_that_is_not_a_positive_duration_is_refused() throws Exception {
    CliHarness cli =
        new CliHarness(home)
            .config(
                """
                {"a": {"type": "http", "url": "http://127.0.0.1/", "request_timeout": "soon"},
                 "b": {"type": "http", "url": "http://127.0.0.1/", "request_timeout": "0s"}}
                """);
    CliHarness.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains("a.request_timeout:")
        .contains("b.request_timeout: must be longer than zero");
  }

  @Test
  void a_streaming_run_whose_stream_stalls_ends_at_the_task_timeout() throws Exception {
    try (StalledPeer peer =
        StalledPeer.eventStream(
            "data: {\"event\": \"workflow_started\", \"workflow_run_id\": \"wr-2\", \"data\": {}}\n\n")) {
      CliHarness cli =
          new CliHarness(home)
              .config(
                  """
                  {"summarise": {"type": "dify_workflow", "response_mode": "streaming",
                    "timeout": "1s", "inputs": {"topic": "x"}}}
                  """)
              .dotenv("DIFY_API_KEY=app-key-1234\nDIFY_API_URL=" + peer.url("/v1") + "\n");
      long started = System.nanoTime();
      CliHarness.Result run =
          assertTimeoutPreemptively(Duration.ofSeconds(15), () -> cli.run("run", "summarise"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      assertThat(run.out()).contains("workflow_started");
      assertThat(cli.lastRow()).containsEntry("status", "timeout");
      assertThat(cli.lastMessage().get("error").toString()).contains("timed out after 1s");
      assertThat(cli.lastMessage().get("output_tail").toString())
          .contains("stopped after 1 event of the stream");
    }
  }

  /** The user's own example, byte for byte. */
  static final String SEED =
      """
      {
        "daily_journal": {
          "enabled": true,
          "cron": "0 0 * * *",
          "description": "每日创建 Notion 日记"
        },
        "weekly_review": {
          "enabled": false,
          "cron": "0 8 * * 1",
          "description": "每周一生成周报模板"
        }
      }
      """;

  static String notionEnv(FakeNotion notion) {
    return "NOTION_TOKEN=%s\nNOTION_DATABASE_ID=%s\nNOTION_API_URL=%s\n"
        .formatted(FakeNotion.TOKEN, FakeNotion.DATABASE, notion.url());
  }

  @Test
  void the_seed_example_validates_unchanged_and_a_journal_is_created_once() throws Exception {
    try (FakeNotion notion = new FakeNotion()) {
      CliHarness cli = new CliHarness(home).config(SEED).dotenv(notionEnv(notion));
      assertThat(cli.run("validate").out()).isEqualTo("tasks_config.json: ok, 2 tasks\n");

      CliHarness.Result first = cli.run("run", "daily_journal");
      assertThat(first.code()).as(first.toString()).isZero();
      assertThat(notion.pages).hasSize(1);
      FakeNotion.Page page = notion.pages.get(0);
      assertThat(page.title()).isEqualTo("2026-11-23");
      assertThat(page.heading()).isEqualTo("2026-11-23 星期一");
      assertThat(page.children())
          .extracting(b -> b.path("type").asText())
          .contains("heading_2", "paragraph", "to_do");
      assertThat(cli.lastMessage()).containsEntry("created", true);

      CliHarness.Result second = cli.run("run", "daily_journal");
      assertThat(second.code()).as(second.toString()).isZero();
      assertThat(notion.pages).hasSize(1);
      assertThat(cli.lastMessage()).containsEntry("created", false);
      assertThat(notion.calls)
          .containsExactly(
              "POST /databases/" + FakeNotion.DATABASE + "/query",
              "POST /pages",
              "POST /databases/" + FakeNotion.DATABASE + "/query");
    }
  }

  @Test
  void the_scheduled_journal_is_for_the_day_of_its_fire_in_the_tasks_zone() throws Exception {
    try (FakeNotion notion = new FakeNotion()) {
      CliHarness cli = new CliHarness(home).config(SEED).dotenv(notionEnv(notion));
      cli.env("RUNNER_TIMEZONE", "Asia/Shanghai");
      cli.at("2026-11-22T15:00:00Z").run("tick");
      // 00:00 in Shanghai on the 24th is 16:00 UTC on the 23rd
      assertThat(cli.at("2026-11-23T16:00:30Z").run("tick").code()).isZero();
      assertThat(notion.pages).extracting(FakeNotion.Page::title).containsExactly("2026-11-24");
    }
  }
}
