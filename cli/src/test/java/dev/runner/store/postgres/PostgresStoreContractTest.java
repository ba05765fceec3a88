package dev.runner.store.postgres;

import dev.runner.store.Store;
import dev.runner.store.StoreContract;

/** The store contract against a real PostgreSQL server, a new database per test. */
class PostgresStoreContractTest extends StoreContract {

  private PostgresUrl database;

  @Override
  protected Store connect() {
    if (database == null) {
      database = TestPostgres.shared().newDatabase();
    }
    return PostgresStore.connect(database, null);
  }
}
