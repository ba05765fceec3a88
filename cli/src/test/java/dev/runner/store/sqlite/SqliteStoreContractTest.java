package dev.runner.store.sqlite;

import dev.runner.store.Store;
import dev.runner.store.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against a SQLite file. */
class SqliteStoreContractTest extends StoreContract {

  @TempDir Path dir;

  @Override
  protected Store connect() {
    return SqliteStore.connect(dir.resolve("task_log.db"));
  }
}
