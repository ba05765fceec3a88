package dev.runner.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code .env} entries and the process environment. A variable set in the process wins over the
 * same key in {@code .env}, as Docker {@code -e} and systemd {@code Environment=} expect.
 */
public record Environment(Map<String, String> fileEntries, Map<String, String> process) {

  private static final String[] SECRET_MARKERS = {"TOKEN", "KEY", "SECRET", "PASSWORD", "PASS"};

  public Environment {
    fileEntries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileEntries));
    process = Map.copyOf(process);
  }

  public String get(String key) {
    String value = process.get(key);
    return value != null ? value : fileEntries.get(key);
  }

  public String get(String key, String fallback) {
    String value = get(key);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** What child processes get: the process environment with every {@code .env} entry added. */
  public Map<String, String> forChildren() {
    Map<String, String> merged = new HashMap<>(fileEntries);
    merged.putAll(process);
    return merged;
  }

  /**
   * The values to mask: those of every variable whose name marks a secret, from {@code .env} or the
   * process environment alike (Docker's {@code -e} and systemd's {@code Environment=} pass secrets
   * that way), and of any key listed in {@code RUNNER_SECRETS}. Values under four characters are
   * left alone, or masking them would garble ordinary output.
   */
  public Set<String> secretValues() {
    Set<String> listed = new TreeSet<>();
    for (String key : get("RUNNER_SECRETS", "").split("[,\\s]+")) {
      if (!key.isBlank()) {
        listed.add(key);
      }
    }
    Set<String> values = new TreeSet<>();
    Map<String, String> all = forChildren();
    for (Map.Entry<String, String> entry : all.entrySet()) {
      boolean secret = listed.contains(entry.getKey()) || namesASecret(entry.getKey());
      if (secret && entry.getValue() != null && entry.getValue().length() >= 4) {
        values.add(entry.getValue());
      }
    }
    return values;
  }

  static boolean namesASecret(String key) {
    String upper = key.toUpperCase(Locale.ROOT);
    for (String marker : SECRET_MARKERS) {
      if (upper.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
