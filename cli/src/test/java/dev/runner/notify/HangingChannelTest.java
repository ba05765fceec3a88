package dev.runner.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.runner.config.Environment;
import dev.runner.config.TaskDef.NotifyRule;
import dev.runner.notify.email.EmailChannel;
import dev.runner.notify.spi.Channel;
import dev.runner.notify.webhook.WebhookChannel;
import dev.runner.testing.StalledPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Channels against receivers that accept and never answer: each fails within its own bound. */
class HangingChannelTest {

  static final Duration BOUND = Duration.ofSeconds(1);

  Notifier notifier(int smtpPort) {
    Environment env =
        new Environment(
            Map.of(
                "SMTP_HOST",
                "127.0.0.1",
                "SMTP_PORT",
                Integer.toString(smtpPort),
                "SMTP_FROM",
                "runner@home.lan"),
            Map.of());
    return new Notifier(env, text -> text, BOUND);
  }

  static NotifyRule rule(Channel channel) {
    return new NotifyRule("ops", true, List.of("technical_failure"), 1, List.of(channel));
  }

  static Channel webhook(String url) {
    return new WebhookChannel(url, "POST", Map.of(), "{\"text\": \"{{event}}\"}", true, null);
  }

  /** Sends through the one channel; fails the test if that takes past a generous margin. */
  Delivery deliver(Notifier notifier, Channel channel) {
    long started = System.nanoTime();
    List<Delivery> deliveries =
        assertTimeoutPreemptively(
            Duration.ofSeconds(15),
            () -> notifier.send(rule(channel), "technical_failure", 1, Map.of()));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    assertThat(deliveries).hasSize(1);
    return deliveries.get(0);
  }

  @Test
  void a_webhook_to_a_receiver_that_never_answers_fails_within_its_bound() throws Exception {
    try (StalledPeer peer = StalledPeer.silent()) {
      Delivery delivery = deliver(notifier(1), webhook(peer.url("/hook")));
      assertThat(delivery.ok()).isFalse();
      assertThat(delivery.answer()).contains(peer.url("/hook")).contains("within 1 s");
    }
  }

  @Test
  void a_webhook_whose_answer_stalls_after_the_headers_fails_within_its_bound() throws Exception {
    try (StalledPeer peer =
        StalledPeer.answering(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 50\r\n\r\nok")) {
      Delivery delivery = deliver(notifier(1), webhook(peer.url("/hook")));
      assertThat(delivery.ok()).isFalse();
      assertThat(delivery.answer()).contains("no full answer within 1 s");
    }
  }

  @Test
  void an_email_to_a_server_that_accepts_and_never_greets_fails_within_its_bound()
      throws Exception {
    try (StalledPeer peer = StalledPeer.silent()) {
      Delivery delivery =
          deliver(
              notifier(peer.port()),
              new EmailChannel(
                  List.of("me@example.com"),
                  EmailChannel.DEFAULT_SUBJECT,
                  EmailChannel.DEFAULT_BODY));
      assertThat(peer.connections()).isEqualTo(1);
      assertThat(delivery.ok()).isFalse();
      assertThat(delivery.answer()).containsIgnoringCase("timed out");
    }
  }
}
