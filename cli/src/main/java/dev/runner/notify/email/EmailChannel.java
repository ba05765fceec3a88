package dev.runner.notify.email;

import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.Notification;
import java.util.List;

/** An email through the SMTP server of {@code .env}. */
public record EmailChannel(List<String> recipients, String subjectTemplate, String bodyTemplate)
    implements Channel {

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

  public EmailChannel {
    recipients = List.copyOf(recipients);
  }

  @Override
  public String label() {
    return "email";
  }

  @Override
  public String send(Notification notification) throws Exception {
    return new EmailSender(notification.environment(), notification.timeout())
        .send(this, notification.render(subjectTemplate), notification.render(bodyTemplate));
  }
}
