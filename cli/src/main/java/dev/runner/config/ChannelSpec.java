package dev.runner.config;

import java.util.List;
import java.util.Map;

/** Where a notification rule sends its message (docs/notifications.md, "Channels"). */
public sealed interface ChannelSpec {

  /** {@code "email"} or {@code "webhook"}: how history and {@code notify test} name it. */
  String label();

  /** An email through the SMTP server of {@code .env}. */
  record Email(List<String> recipients, String subjectTemplate, String bodyTemplate)
      implements ChannelSpec {
    public static final String DEFAULT_SUBJECT = "[runner] {{task_id}}: {{event}}";
    public static final String DEFAULT_BODY =
        """
        Task {{task_id}} ({{task_name}}): {{event}}
        Status: {{execution_status}} ({{threshold_count}} in a row, rule {{rule_name}})
        Started: {{execution_start_time}}
        Ended: {{execution_end_time}} after {{execution_duration}}
        Error: {{error}}

        Last lines of output:
        {{execution_log_tail}}

        runner history --task {{task_id}}
        runner logs {{run_id}}
        """;

    public Email {
      recipients = List.copyOf(recipients);
    }

    @Override
    public String label() {
      return "email";
    }
  }

  /**
   * An HTTP request. {@code json} says the body is JSON, so values are escaped into it; a preset
   * (Slack, DingTalk, Feishu, WeCom, ntfy, Bark) fills in the body and headers.
   */
  record Webhook(
      String url,
      String method,
      Map<String, String> headers,
      String bodyTemplate,
      boolean json,
      String preset)
      implements ChannelSpec {
    public Webhook {
      headers = Map.copyOf(headers);
    }

    @Override
    public String label() {
      return preset == null ? "webhook" : "webhook (" + preset + ")";
    }
  }
}
