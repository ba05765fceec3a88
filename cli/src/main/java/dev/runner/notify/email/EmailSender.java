package dev.runner.notify.email;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * Sends mail through the SMTP server of {@code .env}: {@code SMTP_HOST}, {@code SMTP_PORT}, {@code
 * SMTP_USER}, {@code SMTP_PASSWORD}, {@code SMTP_FROM}, {@code SMTP_STARTTLS} (require STARTTLS,
 * usually port 587) or {@code SMTP_SSL} (TLS from the start, usually port 465), and {@code
 * SMTP_SSL_TRUST} (hosts whose certificate is trusted without a CA, for an intranet server with a
 * self-signed one; {@code *} for any).
 */
final class EmailSender {

  private final Map<String, String> env;

  /**
   * Connecting, and each read and write of the conversation: a server that accepts and never
   * greets, or stops answering, fails the delivery instead of holding the run's worker.
   */
  private final Duration timeout;

  EmailSender(Map<String, String> env, Duration timeout) {
    this.env = env;
    this.timeout = timeout;
  }

  /** Sends; returns the server's answer in words, or throws with the reason. */
  String send(EmailChannel channel, String subject, String body) throws MessagingException {
    boolean ssl = flag("SMTP_SSL");
    boolean starttls = flag("SMTP_STARTTLS");
    String host = env.get("SMTP_HOST");
    String port = get("SMTP_PORT", ssl ? "465" : starttls ? "587" : "25");
    String user = env.get("SMTP_USER");
    String password = env.get("SMTP_PASSWORD");
    String from = get("SMTP_FROM", user != null ? user : "runner@" + host);

    String protocol = ssl ? "smtps" : "smtp";
    String timeoutMs = Long.toString(timeout.toMillis());
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put("mail." + protocol + ".host", host);
    props.put("mail." + protocol + ".port", port);
    props.put("mail." + protocol + ".connectiontimeout", timeoutMs);
    props.put("mail." + protocol + ".timeout", timeoutMs);
    props.put("mail." + protocol + ".writetimeout", timeoutMs);
    props.put("mail." + protocol + ".auth", Boolean.toString(user != null));
    // Use STARTTLS when the server offers it; insist only when asked to.
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.starttls.required", Boolean.toString(starttls));
    String trust = env.get("SMTP_SSL_TRUST");
    if (trust != null && !trust.isBlank()) {
      // Trusting a named server's own certificate includes the name it was issued for.
      props.put("mail." + protocol + ".ssl.trust", trust.strip());
      props.put("mail." + protocol + ".ssl.checkserveridentity", "false");
    }
    Session session =
        Session.getInstance(
            props,
            user == null
                ? null
                : new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password == null ? "" : password);
                  }
                });
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    for (String recipient : channel.recipients()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
    }
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(body, StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    try (Transport transport = session.getTransport(protocol)) {
      transport.connect();
      transport.sendMessage(message, message.getAllRecipients());
      return "sent to " + String.join(", ", channel.recipients()) + " via " + host + ":" + port;
    }
  }

  /** The value of {@code key}, or {@code fallback} when it is unset or blank. */
  private String get(String key, String fallback) {
    String value = env.get(key);
    return value == null || value.isBlank() ? fallback : value;
  }

  private boolean flag(String key) {
    String value = get(key, "false").trim().toLowerCase(java.util.Locale.ROOT);
    return value.equals("true") || value.equals("1") || value.equals("yes");
  }
}
