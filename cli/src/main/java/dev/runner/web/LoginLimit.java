package dev.runner.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per client address in a moving window: after {@code failures} within {@code
 * window}, the next attempt is refused (429) until the oldest of them is older than the window, so
 * a password cannot be guessed faster than that. A right password clears the client's count.
 */
final class LoginLimit {

  /** More clients than this and those with no failure left in the window are forgotten. */
  private static final int FORGET_FROM = 10_000;

  private final Clock clock;
  private final int failures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failed = new HashMap<>();

  LoginLimit(Clock clock, int failures, Duration window) {
    this.clock = clock;
    this.failures = failures;
    this.window = window;
  }

  /** The 6th bad login within a minute is refused: five a minute, per client. */
  static LoginLimit standard(Clock clock) {
    return new LoginLimit(clock, 5, Duration.ofMinutes(1));
  }

  /** How long this client must wait before its next attempt; empty when it may try now. */
  synchronized Optional<Duration> retryAfter(String client) {
    Instant now = clock.instant();
    Deque<Instant> times = recent(client, now);
    if (times == null || times.size() < failures) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
  }

  synchronized void failed(String client) {
    Instant now = clock.instant();
    if (failed.size() >= FORGET_FROM) {
      failed.values().removeIf(times -> !times.peekLast().plus(window).isAfter(now));
    }
    failed.computeIfAbsent(client, k -> new ArrayDeque<>()).addLast(now);
    Deque<Instant> times = failed.get(client);
    while (times.size() > failures) {
      times.removeFirst();
    }
  }

  synchronized void succeeded(String client) {
    failed.remove(client);
  }

  /** The client's failures still in the window, older ones dropped; null when none are left. */
  private Deque<Instant> recent(String client, Instant now) {
    Deque<Instant> times = failed.get(client);
    if (times == null) {
      return null;
    }
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failed.remove(client);
      return null;
    }
    return times;
  }
}
