package dev.runner.config;

import dev.runner.notify.spi.Channel;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Schedule;
import dev.runner.schedule.ScheduleSpec;
import dev.runner.schedule.Schedules;
import dev.runner.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task of {@code tasks_config.json}, checked and with defaults applied. {@code schedule} is
 * null for a manual task; {@code task} is the configured instance of its type.
 */
public record TaskDef(
    String name,
    String type,
    boolean enabled,
    String description,
    ScheduleSpec schedule,
    DateTimeText startTime,
    DateTimeText endTime,
    Long maxExecutions,
    ZoneId zone,
    Catchup catchup,
    Overlap overlap,
    Duration timeout,
    RetryPolicy retries,
    List<String> dependsOn,
    TriggerOn triggerOn,
    WindowSpec window,
    List<String> hosts,
    Map<String, Object> params,
    List<NotifyRule> notifyRules,
    Task task) {

  public TaskDef {
    dependsOn = List.copyOf(dependsOn);
    hosts = List.copyOf(hosts);
    notifyRules = List.copyOf(notifyRules);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }

  /** The same task with other params, for {@code runner run --param}. */
  public TaskDef withParams(Map<String, Object> newParams) {
    return new TaskDef(
        name,
        type,
        enabled,
        description,
        schedule,
        startTime,
        endTime,
        maxExecutions,
        zone,
        catchup,
        overlap,
        timeout,
        retries,
        dependsOn,
        triggerOn,
        window,
        hosts,
        newParams,
        notifyRules,
        task);
  }

  /**
   * Whether the host named {@code host} runs this task: any host when {@code hosts} is empty, else
   * those it lists (docs/hosts.md, "Where a task runs").
   */
  public boolean runsOn(String host) {
    return hosts.isEmpty() || hosts.contains(host);
  }

  /** The schedule as written, for people: "0 0 * * *", "every 15m", "manual". */
  public String scheduleText() {
    return schedule == null
        ? (dependsOn.isEmpty() ? "manual" : "after " + String.join(", ", dependsOn))
        : schedule.toString();
  }

  /** A window task's window length: its own size, else its interval. */
  public Duration windowSize() {
    if (window == null) {
      return null;
    }
    return window.size() != null
        ? window.size()
        : schedule instanceof ScheduleSpec.EverySpec every ? every.period() : null;
  }

  /** Where a window task's first window starts, when the config says (else: first fire - size). */
  public Instant windowStart() {
    if (window == null) {
      return null;
    }
    DateTimeText start = window.start() != null ? window.start() : startTime;
    return start == null ? null : start.toInstant(zone);
  }

  public boolean manual() {
    return schedule == null;
  }

  /**
   * The schedule with its bounds; {@code anchor} starts an interval that has no {@code start_time}.
   * Empty for a manual task.
   */
  public Optional<Schedule> compile(Instant anchor) {
    if (schedule == null) {
      return Optional.empty();
    }
    Instant start = startTime == null ? null : startTime.toInstant(zone);
    Instant end = endTime == null ? null : endTime.toInstant(zone);
    return Optional.of(Schedules.of(schedule, zone, start != null ? start : anchor, start, end));
  }

  /**
   * {@code catchup}: what the fires missed while nothing ran become (docs/catchup.md, "Catch-up
   * policies").
   */
  public enum Catchup {
    LATEST,
    ALL,
    NONE
  }

  /** {@code overlap}: a fire while a run of the task is still going. */
  public enum Overlap {
    SKIP,
    ALLOW
  }

  public enum TriggerOn {
    SUCCESS,
    FAILURE,
    COMPLETION
  }

  /** {@code retries}: technical failures, timeouts and crashes are tried again. */
  public record RetryPolicy(int max, Duration backoff, double factor, Duration maxDelay) {
    public static final RetryPolicy NONE =
        new RetryPolicy(0, Duration.ofSeconds(30), 2, Duration.ofMinutes(10));

    /** Whether attempt {@code attempt} may be followed by another. */
    public boolean allowsAfter(int attempt) {
      return attempt <= max;
    }

    /** The wait before attempt {@code next} (2 or more): backoff × factor^(next-2), capped. */
    public Duration delayBefore(int next) {
      double millis = backoff.toMillis() * Math.pow(factor, Math.max(0, next - 2));
      long capped = (long) Math.min(millis, maxDelay.toMillis());
      return Duration.ofMillis(Math.max(capped, 0));
    }
  }

  /** {@code window}: a null size means the schedule's interval; a null start, the first fire. */
  public record WindowSpec(Duration size, DateTimeText start) {}

  /** One notification rule (docs/notifications.md, "Rules"). */
  public record NotifyRule(
      String name, boolean enabled, List<String> triggers, int threshold, List<Channel> channels) {
    public NotifyRule {
      triggers = List.copyOf(triggers);
      channels = List.copyOf(channels);
    }
  }
}
