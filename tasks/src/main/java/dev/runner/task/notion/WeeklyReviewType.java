package dev.runner.task.notion;

import java.util.List;

/** {@code weekly_review}: this ISO week's review page in a Notion database. */
public final class WeeklyReviewType extends NotionPageType {
  @Override
  public String name() {
    return "weekly_review";
  }

  @Override
  Period period() {
    return Period.WEEK;
  }

  @Override
  List<Object> defaultTemplate() {
    return PageTemplate.WEEKLY;
  }

  @Override
  String defaultTitle() {
    return "{{week}} 周报";
  }
}
