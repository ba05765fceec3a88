package dev.runner.notify;

import dev.runner.config.ChannelSpec;
import dev.runner.config.Template;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Sends a webhook request; a 2xx answer is a delivery, anything else a failure. */
final class WebhookSender {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int ANSWER_CHARS = 300;

  private HttpClient client;

  /** Returns the answer ("HTTP 200: ok"); throws with it when it is not a success. */
  String send(ChannelSpec.Webhook channel, Map<String, String> values)
      throws IOException, InterruptedException {
    String body = Template.render(channel.bodyTemplate(), values, channel.json());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(channel.url()))
            .timeout(TIMEOUT)
            .header("User-Agent", "runner")
            .header(
                "Content-Type",
                channel.json() ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
    channel.headers().forEach((k, v) -> request.setHeader(k, Template.render(v, values, false)));
    if (channel.method().equals("GET")) {
      request.GET();
    } else {
      request.method(
          channel.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String answer = "HTTP " + response.statusCode() + ": " + shorten(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(answer);
    }
    return answer;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return client;
  }

  private static String shorten(String text) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return flat.length() <= ANSWER_CHARS ? flat : flat.substring(0, ANSWER_CHARS) + "…";
  }
}
