package dev.runner.store;

import java.time.Instant;

/** A retry waiting in {@code retry_queue} for a tick at or after {@code dueAt}. */
public record PendingRetry(String taskName, Instant scheduledFor, int attempt, Instant dueAt) {}
