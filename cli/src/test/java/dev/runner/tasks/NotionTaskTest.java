package dev.runner.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.cli.CliHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Notion journal types against a local peer that speaks Notion's endpoints and errors. */
class NotionTaskTest {

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

  @TempDir Path home;
  FakeNotion notion;
  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    notion = new FakeNotion();
    cli = new CliHarness(home).config(SEED).dotenv(env(FakeNotion.TOKEN, FakeNotion.DATABASE));
  }

  String env(String token, String database) {
    return "NOTION_TOKEN=%s\nNOTION_DATABASE_ID=%s\nNOTION_API_URL=%s\n"
        .formatted(token, database, notion.url());
  }

  @AfterEach
  void stop() {
    notion.close();
  }

  @Test
  void the_seed_example_validates_unchanged_and_a_journal_is_created_once() throws Exception {
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

  @Test
  void the_scheduled_journal_is_for_the_day_of_its_fire_in_the_tasks_zone() throws Exception {
    cli.env("RUNNER_TIMEZONE", "Asia/Shanghai");
    cli.at("2026-11-22T15:00:00Z").run("tick");
    // 00:00 in Shanghai on the 24th is 16:00 UTC on the 23rd
    assertThat(cli.at("2026-11-23T16:00:30Z").run("tick").code()).isZero();
    assertThat(notion.pages).extracting(FakeNotion.Page::title).containsExactly("2026-11-24");
  }

  @Test
  void weekly_review_makes_this_weeks_page_once() throws Exception {
    assertThat(cli.run("run", "weekly_review").code()).isZero();
    assertThat(cli.run("run", "weekly_review").code()).isZero();
    assertThat(notion.pages).extracting(FakeNotion.Page::title).containsExactly("2026-W48 周报");
    assertThat(notion.pages.get(0).heading()).isEqualTo("2026-W48 周报 (2026-11-23 – 2026-11-29)");
  }

  @Test
  void notion_errors_become_clear_messages_and_the_right_status() throws Exception {
    cli.dotenv(env("secret_wrong", FakeNotion.DATABASE));
    cli.run("run", "daily_journal");
    assertThat(cli.lastRow()).containsEntry("status", "business_failure");
    assertThat(cli.lastMessage().get("error").toString()).contains("check NOTION_TOKEN");

    cli.dotenv(env(FakeNotion.TOKEN, "not-a-database"));
    cli.run("run", "daily_journal");
    assertThat(cli.lastRow()).containsEntry("status", "business_failure");
    assertThat(cli.lastMessage().get("error").toString())
        .contains("cannot find the database")
        .contains("NOTION_DATABASE_ID");

    cli.dotenv(env(FakeNotion.TOKEN, FakeNotion.DATABASE));
    notion.failNextWith = 502;
    cli.run("run", "daily_journal");
    assertThat(cli.lastRow()).containsEntry("status", "technical_failure");

    notion.failNextWith = 429;
    notion.retryAfter = "120";
    cli.run("run", "daily_journal");
    assertThat(cli.lastRow()).containsEntry("status", "technical_failure");
    assertThat(cli.lastMessage().get("error").toString()).contains("retry after 120 s");
    assertThat(notion.pages).isEmpty();
  }

  @Test
  void a_short_retry_after_is_waited_out() throws Exception {
    notion.failNextWith = 429;
    notion.retryAfter = "1";
    CliHarness.Result run = cli.run("run", "daily_journal");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("waiting 1 s (Retry-After)");
    assertThat(notion.pages).hasSize(1);
  }

  @Test
  void missing_keys_are_a_config_error_for_an_enabled_journal_only() throws Exception {
    cli.dotenv("");
    CliHarness.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains("daily_journal: daily_journal needs NOTION_TOKEN")
        .contains("daily_journal: daily_journal needs NOTION_DATABASE_ID")
        .doesNotContain("weekly_review:");
  }

  @Test
  void params_replace_the_template_and_a_date_property_finds_the_page() throws Exception {
    cli.config(
        """
        {"daily_journal": {"cron": "0 0 * * *", "date_property": "Date", "title_format": "日记 {{date}}",
          "params": {"template": [{"heading": "今天 {{weekday}}"}, {"todo": "运动"}, {"divider": true}]}}}
        """);
    assertThat(cli.run("run", "daily_journal").code()).isZero();
    assertThat(cli.run("run", "daily_journal").code()).isZero();
    assertThat(notion.pages).hasSize(1);
    FakeNotion.Page page = notion.pages.get(0);
    assertThat(page.title()).isEqualTo("日记 2026-11-23");
    assertThat(page.date()).isEqualTo("2026-11-23");
    assertThat(page.children())
        .extracting(b -> b.path("type").asText())
        .containsExactly("heading_2", "to_do", "divider");
  }

  @Test
  void a_long_template_is_sent_in_chunks_through_append_children() throws Exception {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= 130; i++) {
      items.append(i == 1 ? "" : ", ").append("{\"todo\": \"item ").append(i).append("\"}");
    }
    cli.config(
        "{\"daily_journal\": {\"cron\": \"0 0 * * *\", \"params\": {\"template\": ["
            + items
            + "]}}}");
    CliHarness.Result run = cli.run("run", "daily_journal");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(notion.calls).filteredOn(c -> c.startsWith("PATCH /blocks/")).hasSize(1);
    assertThat(notion.pages.get(0).children()).hasSize(130);
    assertThat(
            notion
                .pages
                .get(0)
                .children()
                .get(129)
                .path("to_do")
                .path("rich_text")
                .path(0)
                .path("text")
                .path("content")
                .asText())
        .isEqualTo("item 130");
  }
}
