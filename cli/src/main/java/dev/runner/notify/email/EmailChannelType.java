package dev.runner.notify.email;

import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.ChannelFields;
import dev.runner.notify.spi.ChannelType;
import java.util.List;
import java.util.Set;

/**
 * {@code "type": "email"}: a message to {@code recipients} through the SMTP server of {@code .env}.
 */
public final class EmailChannelType implements ChannelType {

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Set<String> fields() {
    return Set.of("recipients", "subject_template", "body_template");
  }

  @Override
  public Channel configure(ChannelFields fields) {
    List<String> recipients = fields.list("recipients").orElse(List.of());
    if (recipients.isEmpty()) {
      fields.problem(
          "recipients", "an email channel needs recipients", "e.g. [\"me@example.com\"]");
    }
    for (String address : recipients) {
      if (!address.matches("[^@\\s]+@[^@\\s]+")) {
        fields.problem("recipients", "'" + address + "' is not an email address", null);
      }
    }
    if (fields.env("SMTP_HOST").isEmpty()) {
      fields.problem(
          null,
          "an email channel needs SMTP_HOST",
          "set SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD and SMTP_FROM in .env");
    }
    return new EmailChannel(
        recipients,
        fields.template("subject_template").orElse(EmailChannel.DEFAULT_SUBJECT),
        fields.template("body_template").orElse(EmailChannel.DEFAULT_BODY));
  }
}
