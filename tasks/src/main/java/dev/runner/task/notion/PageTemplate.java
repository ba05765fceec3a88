package dev.runner.task.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runner.task.Templates;
import java.util.List;
import java.util.Map;

/**
 * A page's starting content as a short list people can write in {@code params.template}: {@code
 * {"heading": "笔记"}}, {@code {"text": ...}}, {@code {"todo": ...}}, {@code {"bullet": ...}}, {@code
 * {"quote": ...}}, {@code {"divider": true}}, or any Notion block object as is. Texts are templates
 * ({@code {{date}}}, {@code {{week}}}, ...).
 */
final class PageTemplate {

  static final List<Object> JOURNAL =
      List.of(
          Map.of("heading1", "{{date}} {{weekday}}"),
          Map.of("heading", "心情 Mood"),
          Map.of("text", ""),
          Map.of("heading", "笔记 Notes"),
          Map.of("text", ""),
          Map.of("heading", "待办 To-do"),
          Map.of("todo", ""));

  static final List<Object> WEEKLY =
      List.of(
          Map.of("heading1", "{{week}} 周报 ({{week_start}} – {{week_end}})"),
          Map.of("heading", "本周目标 Goals"),
          Map.of("bullet", ""),
          Map.of("heading", "完成 Done"),
          Map.of("bullet", ""),
          Map.of("heading", "收获 Learned"),
          Map.of("bullet", ""),
          Map.of("heading", "下周计划 Next week"),
          Map.of("todo", ""));

  private static final Map<String, String> KINDS =
      Map.of(
          "heading1", "heading_1",
          "heading", "heading_2",
          "heading3", "heading_3",
          "text", "paragraph",
          "todo", "to_do",
          "bullet", "bulleted_list_item",
          "number", "numbered_list_item",
          "quote", "quote");

  private PageTemplate() {}

  /** Whether an item of a template is one this class can write; null if fine, else why not. */
  static String check(Object item) {
    if (!(item instanceof Map<?, ?> map) || map.isEmpty()) {
      return "a template item is an object such as {\"heading\": \"笔记\"}";
    }
    if (map.containsKey("type")) {
      return null; // a raw Notion block
    }
    for (Object key : map.keySet()) {
      if (!KINDS.containsKey(key.toString()) && !key.equals("divider")) {
        return "unknown template item \""
            + key
            + "\"; use heading, heading1, heading3, text, todo,"
            + " bullet, number, quote, divider, or a Notion block with \"type\"";
      }
    }
    return null;
  }

  static ArrayNode blocks(List<Object> template, Map<String, String> values) {
    ObjectMapper json = new ObjectMapper();
    ArrayNode blocks = json.createArrayNode();
    for (Object item : template) {
      Map<?, ?> map = (Map<?, ?>) item;
      if (map.containsKey("type")) {
        blocks.add(json.valueToTree(map));
        continue;
      }
      Map.Entry<?, ?> entry = map.entrySet().iterator().next();
      String key = entry.getKey().toString();
      ObjectNode block = blocks.addObject();
      block.put("object", "block");
      if (key.equals("divider")) {
        block.put("type", "divider");
        block.putObject("divider");
        continue;
      }
      String kind = KINDS.get(key);
      block.put("type", kind);
      ObjectNode content = block.putObject(kind);
      String text = Templates.render(String.valueOf(entry.getValue()), values, false);
      ArrayNode rich = content.putArray("rich_text");
      if (!text.isEmpty()) {
        rich.addObject().put("type", "text").putObject("text").put("content", text);
      }
      if (kind.equals("to_do")) {
        content.put("checked", false);
      }
    }
    return blocks;
  }

  static JsonNode title(String text) {
    ObjectNode property = new ObjectMapper().createObjectNode();
    property.putArray("title").addObject().putObject("text").put("content", text);
    return property;
  }
}
