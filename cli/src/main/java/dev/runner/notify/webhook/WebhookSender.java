package dev.runner.notify.webhook;

import dev.runner.notify.spi.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a webhook request; a 2xx answer is a delivery, anything else a failure. The whole exchange
 * (connecting, the headers and the body) has {@code timeout}: the JDK client's request timeout ends
 * at the headers, so a receiver that sends them and stalls would hold the run's worker.
 */
final class WebhookSender {

  private static final int ANSWER_CHARS = 300;

  private final Duration timeout;
  private HttpClient client;

  WebhookSender(Duration timeout) {
    this.timeout = timeout;
  }

  /** Returns the answer ("HTTP 200: ok"); throws with it when it is not a success. */
  String send(WebhookChannel channel, Notification notification)
      throws IOException, InterruptedException {
    String body =
        channel.json()
            ? notification.renderJson(channel.bodyTemplate())
            : notification.render(channel.bodyTemplate());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(channel.url()))
            .timeout(timeout)
            .header("User-Agent", "runner")
            .header(
                "Content-Type",
                channel.json() ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
    channel.headers().forEach((k, v) -> request.setHeader(k, notification.render(v)));
    if (channel.method().equals("GET")) {
      request.GET();
    } else {
      request.method(
          channel.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response = exchange(request.build());
    String answer = "HTTP " + response.statusCode() + ": " + shorten(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(answer);
    }
    return answer;
  }

  private HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> sent =
        client().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Cancelling the send (JDK 16 and later) aborts the exchange, the body's read included.
      sent.cancel(true);
      throw new HttpTimeoutException(
          request.method() + " " + request.uri() + ": no full answer within " + seconds());
    } catch (InterruptedException e) {
      sent.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw new HttpTimeoutException(
            request.method() + " " + request.uri() + ": no answer within " + seconds());
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private String seconds() {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
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
