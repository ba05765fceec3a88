package dev.runner.notify;

import dev.runner.config.TaskDef.NotifyRule;
import dev.runner.store.RunStatus;
import java.util.List;
import java.util.Optional;

/**
 * When a rule fires (docs/notifications.md, "When a rule fires"): once, when the streak of
 * consecutive final outcomes whose status is among its triggers reaches the threshold; and, with
 * the {@code recovered} trigger, once when a streak that had fired is broken.
 */
public final class Streaks {

  private Streaks() {}

  /**
   * What the rule says now: a status name, {@code recovered}, or nothing. A cancel is a person's
   * act, not an outcome of the task: it fires only a rule that names {@code cancelled}, every time,
   * and neither continues nor breaks another streak (so no {@code recovered} after it).
   */
  public static Optional<String> event(NotifyRule rule, List<RunStatus> newestFirst) {
    if (!rule.enabled() || newestFirst.isEmpty()) {
      return Optional.empty();
    }
    if (newestFirst.get(0) == RunStatus.CANCELLED) {
      return rule.triggers().contains(RunStatus.CANCELLED.dbName())
          ? Optional.of(RunStatus.CANCELLED.dbName())
          : Optional.empty();
    }
    newestFirst = withoutCancels(newestFirst);
    RunStatus latest = newestFirst.get(0);
    int streak = streak(rule, newestFirst, 0);
    if (streak == rule.threshold()) {
      return Optional.of(latest.dbName());
    }
    if (streak == 0
        && rule.triggers().contains("recovered")
        && streak(rule, newestFirst, 1) >= rule.threshold()) {
      return Optional.of("recovered");
    }
    return Optional.empty();
  }

  private static List<RunStatus> withoutCancels(List<RunStatus> newestFirst) {
    return newestFirst.stream().filter(s -> s != RunStatus.CANCELLED).toList();
  }

  /**
   * How many outcomes from {@code from} on, newest first, are among the rule's triggers (cancels
   * left out, see {@link #event}).
   */
  public static int streak(NotifyRule rule, List<RunStatus> newestFirst, int from) {
    if (!newestFirst.isEmpty() && newestFirst.get(0) == RunStatus.CANCELLED) {
      return 1;
    }
    newestFirst = withoutCancels(newestFirst);
    int count = 0;
    for (int i = from; i < newestFirst.size(); i++) {
      if (!rule.triggers().contains(newestFirst.get(i).dbName())) {
        break;
      }
      count++;
    }
    return count;
  }
}
