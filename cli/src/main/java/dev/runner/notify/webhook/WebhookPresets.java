package dev.runner.notify.webhook;

import java.util.Map;
import java.util.Set;

/** Bodies and headers for the chat and push services people wire runner to. */
public final class WebhookPresets {

  private static final String TEXT =
      "[runner] {{task_id}}: {{event}} ({{execution_status}}, {{threshold_count}} in a row)\\n"
          + "{{error}}\\n{{execution_log_tail}}";

  /** Default body of a webhook without a preset: every variable, as a JSON object. */
  static final String GENERIC =
      """
      {"task_id": "{{task_id}}", "task_name": "{{task_name}}", "event": "{{event}}",\
       "status": "{{execution_status}}", "start": "{{execution_start_time}}",\
       "end": "{{execution_end_time}}", "duration": "{{execution_duration}}",\
       "threshold_count": "{{threshold_count}}", "rule": "{{rule_name}}", "run_id": "{{run_id}}",\
       "error": "{{error}}", "host": "{{host}}", "log_tail": "{{execution_log_tail}}"}""";

  record Preset(String body, boolean json, Map<String, String> headers) {}

  static final Map<String, Preset> PRESETS =
      Map.of(
          "slack", new Preset("{\"text\": \"" + TEXT + "\"}", true, Map.of()),
          "dingtalk",
              new Preset(
                  "{\"msgtype\": \"text\", \"text\": {\"content\": \"" + TEXT + "\"}}",
                  true,
                  Map.of()),
          "feishu",
              new Preset(
                  "{\"msg_type\": \"text\", \"content\": {\"text\": \"" + TEXT + "\"}}",
                  true,
                  Map.of()),
          "lark",
              new Preset(
                  "{\"msg_type\": \"text\", \"content\": {\"text\": \"" + TEXT + "\"}}",
                  true,
                  Map.of()),
          "wecom",
              new Preset(
                  "{\"msgtype\": \"text\", \"text\": {\"content\": \"" + TEXT + "\"}}",
                  true,
                  Map.of()),
          "ntfy",
              new Preset(
                  "{{error}}\n{{execution_log_tail}}",
                  false,
                  Map.of("Title", "runner: {{task_id}} {{event}}", "Tags", "warning")),
          "bark",
              new Preset(
                  "{\"title\": \"runner: {{task_id}} {{event}}\", \"body\": \"{{error}}\\n"
                      + "{{execution_log_tail}}\", \"group\": \"runner\"}",
                  true,
                  Map.of()));

  /** The preset names; the JSON Schema lists them too. */
  public static Set<String> names() {
    return PRESETS.keySet();
  }

  private WebhookPresets() {}
}
