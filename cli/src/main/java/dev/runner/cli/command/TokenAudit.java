package dev.runner.cli.command;

import dev.runner.cli.Invocation;
import dev.runner.engine.Identity;
import dev.runner.store.AuditEntry;
import dev.runner.store.Store;

/**
 * A token change made on the command line, as the audit table has it: who is {@code cli:} and the
 * OS user, from is this host; the outcome is the HTTP status the same change would answer.
 */
final class TokenAudit {

  private TokenAudit() {}

  static void record(Store store, Invocation inv, String action, String name, int outcome) {
    String user = inv.environment().getOrDefault("USER", inv.environment().get("LOGNAME"));
    if (user == null || user.isBlank()) {
      user = System.getProperty("user.name", "unknown");
    }
    store.audit(
        new AuditEntry(
            inv.clock().instant(),
            "cli:" + user,
            Identity.current().host(),
            action,
            name,
            outcome));
  }
}
