package dev.runner.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Masks secret values as {@code ***} in everything stored, logged or sent (SPEC 11). */
public final class Redactor {

  private final List<String> secrets;

  public Redactor(Set<String> secrets) {
    // longest first, so a secret that contains another is masked whole
    this.secrets =
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }
}
