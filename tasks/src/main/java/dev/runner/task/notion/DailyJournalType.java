package dev.runner.task.notion;

import java.util.List;

/** {@code daily_journal}: today's page in a Notion database. */
public final class DailyJournalType extends NotionPageType {
  @Override
  public String name() {
    return "daily_journal";
  }

  @Override
  Period period() {
    return Period.DAY;
  }

  @Override
  List<Object> defaultTemplate() {
    return PageTemplate.JOURNAL;
  }

  @Override
  String defaultTitle() {
    return "{{date}}";
  }
}
