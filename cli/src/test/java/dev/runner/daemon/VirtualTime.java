package dev.runner.daemon;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daemon's clock and sleep in one: a wait moves time straight to its end (after the runs under
 * way have ended, so each step is deterministic), runs the test's edits at their instants, and
 * stops the daemon once asked to sleep past {@code end}.
 */
class VirtualTime implements Waiter {

  private volatile Instant now;
  private final Instant end;
  private final TreeMap<Instant, Runnable> events = new TreeMap<>();
  final List<Instant> asked = new ArrayList<>();
  Daemon daemon;

  VirtualTime(Instant start, Instant end) {
    this.now = start;
    this.end = end;
  }

  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  /** Does {@code edit} when virtual time reaches {@code at} (between the daemon's passes). */
  VirtualTime at(String at, Runnable edit) {
    events.put(Instant.parse(at), edit);
    return this;
  }

  @Override
  public void awaitUntil(Instant until) {
    daemon.runsUnderWay().join();
    asked.add(until);
    Map.Entry<Instant, Runnable> event = events.firstEntry();
    if (event != null && !event.getKey().isAfter(until)) {
      events.pollFirstEntry();
      now = event.getKey();
      event.getValue().run();
      return;
    }
    if (until.isAfter(end)) {
      daemon.stop();
      return;
    }
    now = until;
  }

  @Override
  public void wake() {
    // every wait ends at once anyway
  }
}
