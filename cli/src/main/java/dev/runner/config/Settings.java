package dev.runner.config;

import dev.runner.store.postgres.PostgresUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The global settings (docs/configuration.md, "Settings"), read from the environment with their
 * defaults.
 *
 * @param database the SQLite file; unused while {@code postgres} names the store
 * @param postgres the PostgreSQL database {@code RUNNER_DB} names; null for a SQLite home
 * @param postgresPassword {@code RUNNER_DB_PASSWORD}; null without one
 * @param hostId {@code RUNNER_HOST_ID}, the name this runner's rows carry; null for the host name
 * @param deadAfter {@code RUNNER_DEAD_AFTER}: on a shared database, how long a run's owner may be
 *     silent before another host records the run crashed
 */
public record Settings(
    Path database,
    PostgresUrl postgres,
    Secret postgresPassword,
    String hostId,
    Duration deadAfter,
    Path logDir,
    int maxWorkers,
    ZoneId zone,
    int historyDays,
    int logDays,
    int auditDays,
    long maxOutputBytes) {

  /** Whether the store is a PostgreSQL database several hosts may share, not a file of its own. */
  public boolean shared() {
    return postgres != null;
  }

  /** {@code RUNNER_MAX_OUTPUT}'s default: a run's log keeps at most this much. */
  public static final long DEFAULT_MAX_OUTPUT = 50L << 20;
}
