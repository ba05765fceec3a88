package dev.runner.query;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
 * @param daily each of the period's calendar days in the home's zone, oldest first, today last: how
 *     many runs succeeded and failed that day
 */
public record TaskStats(
    String task,
    int runs,
    double successRate,
    Double p50Seconds,
    Double p95Seconds,
    Instant lastFailure,
    List<Recent> recent,
    List<Day> daily) {

  public static final int RECENT = 20;

  public TaskStats {
    recent = List.copyOf(recent);
    daily = List.copyOf(daily);
  }

  /** One calendar day's outcomes: what a per-day chart draws. */
  public record Day(LocalDate date, int successes, int failures) {}

  /** A run as a sparkline draws it. */
  public record Recent(RunStatus status, Double seconds) {}

  /**
   * Per task, in name order, from the outcomes newest first, with the {@code days} calendar days up
   * to {@code today} in {@code zone}. Cancelled runs are left out: a person stopped them, so they
   * say nothing of the task's success rate or its durations.
   */
  public static List<TaskStats> of(
      List<RunRecord> newestFirst, ZoneId zone, LocalDate today, int days) {
    Map<String, List<RunRecord>> byTask = new TreeMap<>();
    for (RunRecord row : newestFirst) {
      if (row.status() == RunStatus.CANCELLED) {
        continue;
      }
      byTask.computeIfAbsent(row.taskName(), k -> new ArrayList<>()).add(row);
    }
    List<TaskStats> out = new ArrayList<>();
    byTask.forEach((task, rows) -> out.add(of(task, rows, zone, today, days)));
    return out;
  }

  private static TaskStats of(
      String task, List<RunRecord> newestFirst, ZoneId zone, LocalDate today, int days) {
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
        recent,
        daily(newestFirst, zone, today, days));
  }

  private static List<Day> daily(List<RunRecord> rows, ZoneId zone, LocalDate today, int days) {
    LocalDate first = today.minusDays(days - 1L);
    int[] ok = new int[days];
    int[] bad = new int[days];
    for (RunRecord row : rows) {
      long index = ChronoUnit.DAYS.between(first, LocalDate.ofInstant(row.runTime(), zone));
      if (index < 0 || index >= days) {
        continue;
      }
      if (row.status() == RunStatus.SUCCESS) {
        ok[(int) index]++;
      } else if (row.status().isFailure()) {
        bad[(int) index]++;
      }
    }
    List<Day> out = new ArrayList<>(days);
    for (int i = 0; i < days; i++) {
      out.add(new Day(first.plusDays(i), ok[i], bad[i]));
    }
    return out;
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
