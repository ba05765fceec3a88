package dev.runner.store;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of {@code runner history} and the API's run list: all optional but the page. Newest
 * first.
 *
 * @param since runs started at or after it; null for no bound
 * @param until runs started before it (the range is half-open); null for no bound
 * @param triggers only runs started so; null or empty for any
 */
public record HistoryQuery(
    String task,
    Set<RunStatus> statuses,
    Instant since,
    int limit,
    int offset,
    Instant until,
    Set<Trigger> triggers) {

  /** The filters {@code runner history} has: no upper bound, any trigger. */
  public HistoryQuery(String task, Set<RunStatus> statuses, Instant since, int limit, int offset) {
    this(task, statuses, since, limit, offset, null, null);
  }
}
