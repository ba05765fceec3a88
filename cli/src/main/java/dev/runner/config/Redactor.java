package dev.runner.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks secret values as {@code ***} in everything stored, logged, printed or sent
 * (docs/secrets.md, "Where secrets are masked"), and the forms a secret takes on its way through a
 * URL or a header: percent-encoded and base64.
 */
public final class Redactor {

  /**
   * Shorter secrets are masked as they are written, not encoded: the base64 of a few characters is
   * a few letters that turn up in ordinary text.
   */
  public static final int ENCODED_FROM = 6;

  private final List<String> secrets;

  public Redactor(Set<String> secrets) {
    Set<String> forms = new HashSet<>();
    for (String secret : secrets) {
      forms.add(secret);
      if (secret.length() >= ENCODED_FROM) {
        forms.addAll(encoded(secret));
      }
    }
    // longest first, so a secret that contains another is masked whole
    this.secrets =
        forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /**
   * A URL's query or form ({@code +} or {@code %20} for a space), and base64 without its padding,
   * standard and URL-safe: the unpadded form is a prefix of the padded one, so both are masked.
   */
  private static List<String> encoded(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String query = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return List.of(
        query,
        query.replace("+", "%20"),
        Base64.getEncoder().withoutPadding().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Where {@code text}, the start of a longer line, may be cut so that each part can be masked on
   * its own: no secret occurrence straddles the cut, and none can begin before it and end in text
   * not yet read. Everything from the cut on is kept for the rest of the line.
   */
  public int safeCut(CharSequence text) {
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
