package dev.runner.notify.spi;

/** One configured channel of a notification rule, as its {@link ChannelType} read it. */
public interface Channel {

  /**
   * How history and {@code runner notify test} name this channel: {@code email}, {@code webhook
   * (slack)}.
   */
  String label();

  /**
   * Delivers the notification and returns what the peer answered, in words ({@code HTTP 200: ok});
   * throws with the reason when it was not delivered. It returns or throws within {@link
   * Notification#timeout()}: a peer that never answers must not hold the run's worker. The answer
   * and the reason are stored in the run's history with secrets masked.
   */
  String send(Notification notification) throws Exception;
}
