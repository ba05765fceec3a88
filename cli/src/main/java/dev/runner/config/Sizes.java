package dev.runner.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in {@code .env} ({@code 50MB}, {@code 512 KB}, {@code 1g}, or bytes)
 * and as runner says them; a kilobyte is 1,024 bytes.
 */
public final class Sizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)?", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  /** The bytes {@code text} names; throws with the reason when it names none. */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size; write e.g. 50MB, 512KB, 1GB or a number of bytes");
    }
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long factor =
        switch (unit.charAt(0)) {
          case 'k' -> 1L << 10;
          case 'm' -> 1L << 20;
          case 'g' -> 1L << 30;
          default -> 1;
        };
    if (number > Long.MAX_VALUE / factor) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    return number * factor;
  }

  /** {@code 12 bytes}, {@code 3.5 KB}, {@code 975.0 MB}, {@code 1.2 GB}. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
