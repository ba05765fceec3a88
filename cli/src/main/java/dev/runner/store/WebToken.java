package dev.runner.store;

import java.time.Instant;

/**
 * An API token of {@code runner web} as stored: its name, scope and the SHA-256 of the token in
 * hex. The token itself is shown once when made and kept nowhere.
 *
 * @param scope {@code read}, {@code run} or {@code admin}; what each allows is the web server's
 * @param lastUsedAt null until first used; moved at most once a minute, not on every request
 */
public record WebToken(
    String name, String scope, String hash, Instant createdAt, Instant lastUsedAt) {}
