package dev.runner.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An API token's text and what is kept of it. A token is {@code rnr_} and 32 random bytes in
 * base64url: the prefix lets secret scanners and people tell it at a glance. Only its SHA-256 is
 * stored: 256 random bits need no salt or slow hash, and a stolen database holds no usable token.
 */
public final class TokenSecret {

  public static final String PREFIX = "rnr_";

  private static final int BYTES = 32;

  /** What looks like a token: one pasted into a path or a name is not sent back or kept. */
  private static final Pattern LIKE = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{8,}");

  private TokenSecret() {}

  /** A new token, from the system's strong random source. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Random bytes in base64url, for session ids and CSRF tokens. */
  public static String randomText(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex SHA-256 of a token's UTF-8 bytes: what the store keeps and looks up. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The text with everything that looks like a token shown as {@code rnr_***}. */
  public static String mask(String text) {
    return text == null || !text.contains(PREFIX)
        ? text
        : LIKE.matcher(text).replaceAll(PREFIX + "***");
  }

  /** Compares two secrets in time that does not depend on where they first differ. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    // the hashes have one length, so even the lengths are not told by the time taken
    return MessageDigest.isEqual(
        hash(a).getBytes(StandardCharsets.UTF_8), hash(b).getBytes(StandardCharsets.UTF_8));
  }
}
