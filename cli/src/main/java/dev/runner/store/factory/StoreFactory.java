package dev.runner.store.factory;

import dev.runner.config.RunnerConfig;
import dev.runner.config.Secret;
import dev.runner.config.Settings;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import dev.runner.store.postgres.PostgresStore;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place a home's store is opened, chosen by its settings: every command, the engine and the
 * shell's prompt ask here, so a second kind of store is one more branch, not edits across them.
 */
public final class StoreFactory {

  private final Path home;
  private final Settings settings;

  public StoreFactory(Path home, Settings settings) {
    this.home = home;
    this.settings = settings;
  }

  public static StoreFactory of(RunnerConfig config) {
    return new StoreFactory(config.home().dir(), config.settings());
  }

  /** Whether the store is a PostgreSQL database (several hosts may share it), not a file. */
  public boolean shared() {
    return settings.shared();
  }

  /** The home's database, made and migrated if need be; one that was lost is refused. */
  public Store open() {
    if (shared()) {
      return postgres();
    }
    return SqliteStore.connect(settings.database(), home, settings.logDir());
  }

  private Store postgres() {
    Secret password = settings.postgresPassword();
    return PostgresStore.connect(settings.postgres(), password == null ? null : password.value());
  }

  /**
   * The database for reading: as {@link #open}, or read-only when the disk or file is, so a home
   * that cannot be written still shows its history.
   */
  public Store openForReading() {
    if (shared()) {
      return postgres();
    }
    try {
      return open();
    } catch (StoreException e) {
      if (e.kind() != StoreException.Kind.READ_ONLY) {
        throw e;
      }
      return openReadOnly();
    }
  }

  /** The database as it is, changing nothing: for {@code runner db check}. */
  public Store openReadOnly() {
    if (shared()) {
      return postgres(); // reading changes nothing there but a missing schema, which it makes
    }
    return SqliteStore.connectReadOnly(settings.database());
  }

  /** A new, empty database, for {@code runner db init}, which has made sure there is none. */
  public Store create() {
    return shared() ? postgres() : SqliteStore.connect(settings.database());
  }

  /** Whether the database has been made (a home that never ran has none). */
  public boolean exists() {
    return shared() || Files.exists(settings.database());
  }

  /** The database as the user names it, for messages. */
  public String location() {
    return shared() ? settings.postgres().display() : settings.database().toString();
  }

  /** The schema version this runner writes. */
  public int knownSchemaVersion() {
    return shared() ? PostgresStore.knownSchemaVersion() : SqliteStore.knownSchemaVersion();
  }
}
