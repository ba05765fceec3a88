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

  /**
   * Where {@code text}, the start of a longer line, may be cut so that each part can be masked on
   * its own: no secret occurrence straddles the cut, and none can begin before it and end in text
   * not yet read. Everything from the cut on is kept for the rest of the line.
   */
  int safeCut(CharSequence text) {
    int longest = secrets.isEmpty() ? 0 : secrets.get(0).length();
    int cut = Math.max(0, text.length() - Math.max(0, longest - 1));
    String whole = text.toString();
    boolean moved = true;
    while (moved) {
      moved = false;
      for (String secret : secrets) {
        int from = Math.max(0, cut - secret.length() + 1);
        int at = whole.indexOf(secret, from);
        if (at >= 0 && at < cut && at + secret.length() > cut) {
          cut = at;
          moved = true;
        }
      }
    }
    return cut;
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
