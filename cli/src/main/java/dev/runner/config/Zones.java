package dev.runner.config;

import java.time.ZoneId;

/** Hints for time-zone names. */
final class Zones {
  private Zones() {}

  static String hint(String text) {
    String suggestion = Suggest.didYouMean(text.strip(), ZoneId.getAvailableZoneIds());
    return suggestion != null
        ? suggestion
        : "use an IANA name such as \"Asia/Shanghai\" or \"UTC\"";
  }
}
