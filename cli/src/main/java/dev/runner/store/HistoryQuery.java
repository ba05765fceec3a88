package dev.runner.store;

import java.time.Instant;
import java.util.Set;

/** Filters of {@code runner history}: all optional but the page. Newest first. */
public record HistoryQuery(
    String task, Set<RunStatus> statuses, Instant since, int limit, int offset) {}
