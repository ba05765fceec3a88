package dev.runner.task.notion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.task.Task;
import dev.runner.task.TaskResult;
import dev.runner.task.TaskResult.Outcome;
import dev.runner.task.TaskType;
import dev.runner.task.TestFields;
import dev.runner.task.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Notion journal types against a local peer that speaks Notion's endpoints and errors. */
class NotionTaskTest {

  FakeNotion notion;

  @BeforeEach
  void start() throws Exception {
    notion = new FakeNotion();
  }

  @AfterEach
  void stop() {
    notion.close();
  }

  /** The task's fields with {@code .env} holding these keys and the fake's URL. */
  TestFields fields(String name, String json, String token, String database) {
    return TestFields.of(name, json)
        .env("NOTION_TOKEN", token)
        .env("NOTION_DATABASE_ID", database)
        .env("NOTION_API_URL", notion.url());
  }

  Task journal(String token, String database) {
    return fields("daily_journal", "{}", token, database).configure(new DailyJournalType());
  }

  Task journal() {
    return journal(FakeNotion.TOKEN, FakeNotion.DATABASE);
  }

  static TaskResult run(Task task, TestRun run) throws Exception {
    return task.run(run);
  }

  static TaskResult run(Task task) throws Exception {
    return task.run(TestRun.of("daily_journal"));
  }

  @Test
  void a_journal_is_created_once() throws Exception {
    Task journal = journal();
    TaskResult first = run(journal);
    assertThat(first.outcome()).as(first.toString()).isEqualTo(Outcome.SUCCESS);
    assertThat(notion.pages).hasSize(1);
    FakeNotion.Page page = notion.pages.get(0);
    assertThat(page.title()).isEqualTo("2026-11-23");
    assertThat(page.heading()).isEqualTo("2026-11-23 星期一");
    assertThat(page.children())
        .extracting(b -> b.path("type").asText())
        .contains("heading_2", "paragraph", "to_do");
    assertThat(first.details()).containsEntry("created", true);

    TaskResult second = run(journal);
    assertThat(second.outcome()).as(second.toString()).isEqualTo(Outcome.SUCCESS);
    assertThat(notion.pages).hasSize(1);
    assertThat(second.details()).containsEntry("created", false);
    assertThat(notion.calls)
        .containsExactly(
            "POST /databases/" + FakeNotion.DATABASE + "/query",
            "POST /pages",
            "POST /databases/" + FakeNotion.DATABASE + "/query");
  }

  @Test
  void the_journal_is_for_the_day_of_its_scheduled_instant_in_the_tasks_zone() throws Exception {
    // 00:00 in Shanghai on the 24th is 16:00 UTC on the 23rd
    TaskResult result =
        run(
            journal(),
            TestRun.of("daily_journal").at("2026-11-23T16:00:00Z").zone("Asia/Shanghai"));
    assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.SUCCESS);
    assertThat(notion.pages).extracting(FakeNotion.Page::title).containsExactly("2026-11-24");
  }

  @Test
  void weekly_review_makes_this_weeks_page_once() throws Exception {
    Task review =
        fields("weekly_review", "{}", FakeNotion.TOKEN, FakeNotion.DATABASE)
            .configure(new WeeklyReviewType());
    assertThat(review.run(TestRun.of("weekly_review")).outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(review.run(TestRun.of("weekly_review")).outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(notion.pages).extracting(FakeNotion.Page::title).containsExactly("2026-W48 周报");
    assertThat(notion.pages.get(0).heading()).isEqualTo("2026-W48 周报 (2026-11-23 – 2026-11-29)");
  }

  @Test
  void notion_errors_become_clear_messages_and_the_right_status() throws Exception {
    TaskResult wrongToken = run(journal("secret_wrong", FakeNotion.DATABASE));
    assertThat(wrongToken.outcome()).isEqualTo(Outcome.BUSINESS_FAILURE);
    assertThat(wrongToken.summary()).contains("check NOTION_TOKEN");

    TaskResult wrongDatabase = run(journal(FakeNotion.TOKEN, "not-a-database"));
    assertThat(wrongDatabase.outcome()).isEqualTo(Outcome.BUSINESS_FAILURE);
    assertThat(wrongDatabase.summary())
        .contains("cannot find the database")
        .contains("NOTION_DATABASE_ID");

    notion.failNextWith = 502;
    assertThat(run(journal()).outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);

    notion.failNextWith = 429;
    notion.retryAfter = "120";
    TaskResult limited = run(journal());
    assertThat(limited.outcome()).isEqualTo(Outcome.TECHNICAL_FAILURE);
    assertThat(limited.summary()).contains("retry after 120 s");
    assertThat(notion.pages).isEmpty();
  }

  @Test
  void a_short_retry_after_is_waited_out() throws Exception {
    notion.failNextWith = 429;
    notion.retryAfter = "1";
    TestRun run = TestRun.of("daily_journal");
    TaskResult result = run(journal(), run);
    assertThat(result.outcome()).as(result + "\n" + run.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(run.output()).contains("waiting 1 s (Retry-After)");
    assertThat(notion.pages).hasSize(1);
  }

  @Test
  void missing_keys_are_a_config_error_for_an_enabled_journal_only() {
    List<String> daily = TestFields.of("daily_journal", "{}").problems(new DailyJournalType());
    assertThat(String.join("\n", daily))
        .contains("daily_journal: daily_journal needs NOTION_TOKEN")
        .contains("daily_journal: daily_journal needs NOTION_DATABASE_ID");
    TaskType weekly = new WeeklyReviewType();
    assertThat(TestFields.of("weekly_review", "{}").disabled().problems(weekly)).isEmpty();
  }

  @Test
  void params_replace_the_template_and_a_date_property_finds_the_page() throws Exception {
    Task journal =
        fields(
                "daily_journal",
                """
                {"date_property": "Date", "title_format": "日记 {{date}}"}
                """,
                FakeNotion.TOKEN,
                FakeNotion.DATABASE)
            .configure(new DailyJournalType());
    Map<String, Object> params =
        Map.of(
            "template",
            List.of(
                Map.of("heading", "今天 {{weekday}}"),
                Map.of("todo", "运动"),
                Map.of("divider", true)));
    TestRun first = TestRun.of("daily_journal").params(params);
    assertThat(run(journal, first).outcome()).as(first.output()).isEqualTo(Outcome.SUCCESS);
    assertThat(run(journal, TestRun.of("daily_journal").params(params)).outcome())
        .isEqualTo(Outcome.SUCCESS);
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
    List<Object> items = new ArrayList<>();
    for (int i = 1; i <= 130; i++) {
      items.add(Map.of("todo", "item " + i));
    }
    TestRun run = TestRun.of("daily_journal").params(Map.of("template", items));
    TaskResult result = run(journal(), run);
    assertThat(result.outcome()).as(result + "\n" + run.output()).isEqualTo(Outcome.SUCCESS);
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
