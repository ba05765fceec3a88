package dev.runner.query;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One task's runs over a period, as {@code stats} and the console show them.
 *
 * @param p50Seconds the median duration; null without a run that has one
 * @param lastFailure when the latest failure started; null without one
 * @param recent the latest runs, newest first, at most {@link #RECENT}
 */
public record TaskStats(
    String task,
    int runs,
    double successRate,
    Double p50Seconds,
    Double p95Seconds,
    Instant lastFailure,
    List<Recent> recent) {

  public static final int RECENT = 20;

  public TaskStats {
    recent = List.copyOf(recent);
  }

  /** A run as a sparkline draws it. */
  public record Recent(RunStatus status, Double seconds) {}

  /**
   * Per task, in name order, from the outcomes newest first. Cancelled runs are left out: a person
   * stopped them, so they say nothing of the task's success rate or its durations.
   */
  public static List<TaskStats> of(List<RunRecord> newestFirst) {
    Map<String, List<RunRecord>> byTask = new TreeMap<>();
    for (RunRecord row : newestFirst) {
      if (row.status() == RunStatus.CANCELLED) {
        continue;
      }
      byTask.computeIfAbsent(row.taskName(), k -> new ArrayList<>()).add(row);
    }
    List<TaskStats> out = new ArrayList<>();
    byTask.forEach((task, rows) -> out.add(of(task, rows)));
    return out;
  }

  private static TaskStats of(String task, List<RunRecord> newestFirst) {
    List<Double> durations = new ArrayList<>();
    long ok = 0;
    Instant lastFailure = null;
    for (RunRecord row : newestFirst) {
      if (row.duration() != null) {
        durations.add(row.duration());
      }
      if (row.status() == RunStatus.SUCCESS) {
        ok++;
      } else if (lastFailure == null && row.status().isFailure()) {
        lastFailure = row.runTime();
      }
    }
    durations.sort(Double::compare);
    List<Recent> recent = new ArrayList<>();
    for (RunRecord row : newestFirst.subList(0, Math.min(RECENT, newestFirst.size()))) {
      recent.add(new Recent(row.status(), row.duration()));
    }
    return new TaskStats(
        task,
        newestFirst.size(),
        newestFirst.isEmpty() ? 0.0 : (double) ok / newestFirst.size(),
        percentile(durations, 0.50),
        percentile(durations, 0.95),
        lastFailure,
        recent);
  }

  /** The nearest-rank percentile: a duration that did occur, not an interpolated one. */
  private static Double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
