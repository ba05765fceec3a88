package dev.runner.task.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runner.task.Task;
import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;
import dev.runner.task.Templates;
import dev.runner.task.notion.NotionPageType.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Looks the period's page up, and creates it from the template when it is missing. */
record NotionPageTask(Period period, PageSpec spec, List<Object> defaultTemplate) implements Task {

  @Override
  public TaskResult run(TaskContext context) throws Exception {
    if (spec.token() == null || spec.databaseId() == null) {
      return TaskResult.businessFailure("NOTION_TOKEN and NOTION_DATABASE_ID must be set in .env");
    }
    List<Object> template = template(context);
    if (template == null) {
      return TaskResult.businessFailure(
          "params.template must be a list of items such as {\"heading\": \"笔记\"}");
    }
    Map<String, String> values = values(context);
    String title = Templates.render(spec.titleFormat(), values, false);
    String date = period == Period.DAY ? values.get("date") : values.get("week_start");
    NotionClient notion =
        new NotionClient(spec.baseUrl(), spec.token(), context, NotionClient.REQUEST_TIMEOUT);
    ObjectMapper json = new ObjectMapper();
    try {
      ObjectNode filter = json.createObjectNode();
      if (spec.dateProperty() != null) {
        filter.put("property", spec.dateProperty()).putObject("date").put("equals", date);
      } else {
        filter.put("property", spec.titleProperty()).putObject("title").put("equals", title);
      }
      var existing = notion.findPage(spec.databaseId(), filter);
      if (existing.isPresent()) {
        context.log("the page for " + title + " is there already: " + url(existing.get()));
        return result("page for " + title + " exists", existing.get(), false);
      }
      ObjectNode properties = json.createObjectNode();
      properties.set(spec.titleProperty(), PageTemplate.title(title));
      if (spec.dateProperty() != null) {
        ObjectNode range = properties.putObject(spec.dateProperty()).putObject("date");
        range.put("start", date);
        if (period == Period.WEEK) {
          range.put("end", values.get("week_end"));
        }
      }
      ArrayNode blocks = PageTemplate.blocks(template, values);
      JsonNode page = notion.createPage(spec.databaseId(), properties, blocks);
      context.log("created " + title + " with " + blocks.size() + " blocks: " + url(page));
      return result("created page " + title, page, true);
    } catch (NotionException e) {
      return e.technical
          ? TaskResult.technicalFailure(e.getMessage())
          : TaskResult.businessFailure(e.getMessage());
    }
  }

  private List<Object> template(TaskContext context) {
    Object param = context.params().get("template");
    if (param == null) {
      return defaultTemplate;
    }
    if (!(param instanceof List<?> items)) {
      return null;
    }
    for (Object item : items) {
      String problem = PageTemplate.check(item);
      if (problem != null) {
        context.log(problem);
        return null;
      }
    }
    return List.copyOf(items);
  }

  /** {@code date}, {@code weekday} and the ISO week of the run's day, in the task's zone. */
  private static Map<String, String> values(TaskContext context) {
    LocalDate day = LocalDate.ofInstant(context.scheduledFor(), context.zone());
    LocalDate monday = day.with(DayOfWeek.MONDAY);
    Map<String, String> values = new LinkedHashMap<>(Templates.values(context));
    values.put("date", day.toString());
    values.put("weekday", day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA));
    values.put(
        "week",
        String.format(
            "%d-W%02d",
            day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    values.put("week_start", monday.toString());
    values.put("week_end", monday.plusDays(6).toString());
    return values;
  }

  private static String url(JsonNode page) {
    return page.path("url").asText(page.path("id").asText());
  }

  private static TaskResult result(String summary, JsonNode page, boolean created) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("page_id", page.path("id").asText());
    details.put("url", page.path("url").asText(""));
    details.put("created", created);
    return new TaskResult.Success(summary, details);
  }
}
