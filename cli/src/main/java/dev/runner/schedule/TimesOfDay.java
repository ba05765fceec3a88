package dev.runner.schedule;

import java.time.LocalTime;

/** A set of wall-clock times (second resolution) as hour, minute and second bit masks. */
record TimesOfDay(long seconds, long minutes, long hours) {

  static TimesOfDay single(LocalTime time) {
    return new TimesOfDay(1L << time.getSecond(), 1L << time.getMinute(), 1L << time.getHour());
  }

  /** The first time of the set at or after {@code from}, or null when the day has none left. */
  LocalTime firstAtOrAfter(LocalTime from) {
    int h0 = from.getHour();
    int m0 = from.getMinute();
    int s0 = from.getSecond();
    for (int h = nextBit(hours, h0); h >= 0; h = nextBit(hours, h + 1)) {
      int mFrom = h == h0 ? m0 : 0;
      for (int m = nextBit(minutes, mFrom); m >= 0; m = nextBit(minutes, m + 1)) {
        int sFrom = h == h0 && m == m0 ? s0 : 0;
        int s = nextBit(seconds, sFrom);
        if (s >= 0) {
          return LocalTime.of(h, m, s);
        }
      }
    }
    return null;
  }

  private static int nextBit(long mask, int from) {
    if (from >= 64) {
      return -1;
    }
    long rest = mask & (-1L << from);
    return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
  }
}
