package dev.runner.notify.webhook;

import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.Notification;
import java.util.Map;

/**
 * An HTTP request. {@code json} says the body is JSON, so values are escaped into it; a preset
 * (Slack, DingTalk, Feishu, WeCom, ntfy, Bark) fills in the body and headers.
 */
public record WebhookChannel(
    String url,
    String method,
    Map<String, String> headers,
    String bodyTemplate,
    boolean json,
    String preset)
    implements Channel {

  public WebhookChannel {
    headers = Map.copyOf(headers);
  }

  @Override
  public String label() {
    return preset == null ? "webhook" : "webhook (" + preset + ")";
  }

  @Override
  public String send(Notification notification) throws Exception {
    return new WebhookSender(notification.timeout()).send(this, notification);
  }
}
