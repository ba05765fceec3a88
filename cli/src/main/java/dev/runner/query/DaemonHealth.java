package dev.runner.query;

import dev.runner.daemon.DaemonLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether a daemon serves a home and is passing, for {@code runner daemon --status}. */
public record DaemonHealth(String pid, Duration sinceLastPass) {

  /** A daemon passes at least once a minute; three without one mean it is stuck. */
  public static final Duration STUCK = Duration.ofMinutes(3);

  /** The daemon serving {@code home}; empty when none does. */
  public static Optional<DaemonHealth> of(Path home, Instant now) throws IOException {
    DaemonLock.Status status = DaemonLock.status(DaemonLock.file(home));
    if (!status.running()) {
      return Optional.empty();
    }
    return Optional.of(new DaemonHealth(status.pid(), Duration.between(status.lastPass(), now)));
  }

  public boolean stuck() {
    return sinceLastPass.compareTo(STUCK) > 0;
  }
}
