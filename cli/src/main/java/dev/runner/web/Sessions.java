package dev.runner.web;

import dev.runner.access.TokenSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The browser sessions made by a login, in memory only: a restart logs every browser out, which is
 * what a password change should do anyway. A session ends after {@link #IDLE} without a request;
 * each has its own CSRF token.
 */
final class Sessions {

  static final Duration IDLE = Duration.ofHours(12);

  /** More live sessions than this and the least recently used goes: memory stays bounded. */
  static final int MAX = 1000;

  record Session(String id, String csrf) {}

  private static final class Entry {
    final String csrf;
    Instant lastSeen;

    Entry(String csrf, Instant lastSeen) {
      this.csrf = csrf;
      this.lastSeen = lastSeen;
    }
  }

  private final Clock clock;
  private final SecureRandom random;
  private final Map<String, Entry> live = new LinkedHashMap<>();

  Sessions(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  synchronized Session create() {
    Instant now = clock.instant();
    live.values().removeIf(e -> expired(e, now));
    while (live.size() >= MAX) {
      live.entrySet().stream()
          .min(Comparator.comparing(e -> e.getValue().lastSeen))
          .ifPresent(oldest -> live.remove(oldest.getKey()));
    }
    String id = TokenSecret.randomText(random);
    String csrf = TokenSecret.randomText(random);
    live.put(id, new Entry(csrf, now));
    return new Session(id, csrf);
  }

  /** The live session of this id, its idle time started again; empty when unknown or expired. */
  synchronized Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Entry entry = live.get(id);
    Instant now = clock.instant();
    if (entry == null) {
      return Optional.empty();
    }
    if (expired(entry, now)) {
      live.remove(id);
      return Optional.empty();
    }
    entry.lastSeen = now;
    return Optional.of(new Session(id, entry.csrf));
  }

  synchronized void end(String id) {
    if (id != null) {
      live.remove(id);
    }
  }

  private static boolean expired(Entry entry, Instant now) {
    return !entry.lastSeen.plus(IDLE).isAfter(now);
  }
}
