package dev.runner.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an API token may do on {@code runner web}, each including the one before: {@code read} the
 * GETs; {@code run} also start, cancel, backfill and switch tasks; {@code admin} also edit tasks
 * and the config. Which route needs which is {@code web.RouteScopes}' one table.
 */
public enum Scope {
  READ,
  RUN,
  ADMIN;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this scope allows what {@code needed} allows. */
  public boolean covers(Scope needed) {
    return compareTo(needed) >= 0;
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(Scope::word).toList();
  }

  /**
   * @throws IllegalArgumentException for a word that is no scope; the message lists them
   */
  public static Scope of(String word) {
    for (Scope scope : values()) {
      if (scope.word().equals(word)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "unknown scope \"" + word + "\"; the scopes are " + String.join(", ", words()));
  }
}
