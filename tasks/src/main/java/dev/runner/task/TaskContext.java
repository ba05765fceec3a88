package dev.runner.task;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What a run knows about itself, and the services the engine lends it. */
public interface TaskContext {

  String taskName();

  /** The history row of this attempt. */
  long runId();

  /**
   * Task name and scheduled instant, e.g. {@code backup@2026-11-23T00:00:00Z}: the same for every
   * attempt of one fire, so a task can use it to avoid doing the same work twice.
   */
  String runKey();

  /** 1 for the first attempt of a fire. */
  int attempt();

  /** What started the run: {@code schedule}, {@code manual}, {@code retry}, {@code dependency}. */
  String trigger();

  Instant scheduledFor();

  /** The task's time zone: "today" and "this week" are read in it. */
  java.time.ZoneId zone();

  Optional<Window> window();

  /** The task's {@code params}, with {@code --param k=v} from the command line on top. */
  Map<String, Object> params();

  /**
   * The environment a child process of this run gets: the process environment, the {@code .env}
   * entries, the {@code RUNNER_*} variables of the run and {@code TZ}, the task's zone in the form
   * the C library reads.
   */
  Map<String, String> environment();

  /** One variable of {@link #environment()}: how a type reads its secrets from {@code .env}. */
  default Optional<String> env(String key) {
    return Optional.ofNullable(environment().get(key)).filter(v -> !v.isBlank());
  }

  /** The runner's home directory. */
  Path home();

  /** Writes a line to the run's output (its log file); secrets are masked on the way. */
  void log(String line);

  Cancellation cancellation();

  /** Starts a child process whose output lands in the run's output; see {@link ProcessSpec}. */
  ProcessOutcome exec(ProcessSpec spec) throws InterruptedException, java.io.IOException;
}
