package dev.runner.task.notion;

import dev.runner.task.Task;
import dev.runner.task.TaskFields;
import dev.runner.task.TaskType;
import java.util.List;
import java.util.Set;

/**
 * The Notion page types: a page for today ({@code daily_journal}) or for this ISO week ({@code
 * weekly_review}) in a database, created from a template when it is not there yet. Running twice
 * creates one page.
 */
abstract class NotionPageType implements TaskType {

  @Override
  public Set<String> fields() {
    return Set.of("database_id", "title_property", "date_property", "title_format");
  }

  abstract Period period();

  abstract List<Object> defaultTemplate();

  abstract String defaultTitle();

  @Override
  public Task configure(TaskFields fields) {
    String token = fields.env("NOTION_TOKEN").orElse(null);
    String databaseId =
        fields.string("database_id").or(() -> fields.env("NOTION_DATABASE_ID")).orElse(null);
    if (fields.enabled()) {
      // a disabled journal (the starter config) may wait for its keys
      if (token == null) {
        fields.problem(
            null,
            name() + " needs NOTION_TOKEN",
            "add NOTION_TOKEN=secret_... (an internal integration's token) to .env");
      }
      if (databaseId == null) {
        fields.problem(
            null,
            name() + " needs NOTION_DATABASE_ID",
            "add NOTION_DATABASE_ID=... to .env, or \"database_id\" to the task");
      }
    }
    String baseUrl = fields.env("NOTION_API_URL").orElse("https://api.notion.com/v1");
    String titleProperty = fields.string("title_property").orElse("Name");
    String dateProperty = fields.string("date_property").orElse(null);
    String titleFormat = fields.string("title_format").orElse(defaultTitle());
    return new NotionPageTask(
        period(),
        new PageSpec(baseUrl, token, databaseId, titleProperty, dateProperty, titleFormat),
        defaultTemplate());
  }

  /** The day or week a run is for. */
  enum Period {
    DAY,
    WEEK
  }
}
