package dev.runner.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link TaskContext} the engine would hand a run, set by the test: the run's output is kept as
 * lines, child processes are real ({@code /bin/sh} and all), and the test cancels the run when it
 * wants. The defaults are those of {@code runner run TASK} on the test clock of cli's tests: run 1,
 * first attempt, {@code manual}, at 2026-11-23T10:00:00Z in UTC.
 */
public final class TestRun implements TaskContext {

  private final String taskName;
  private long runId = 1;
  private int attempt = 1;
  private String trigger = "manual";
  private Instant scheduledFor = Instant.parse("2026-11-23T10:00:00Z");
  private ZoneId zone = ZoneOffset.UTC;
  private Window window;
  private Map<String, Object> params = Map.of();
  private final Map<String, String> environment = new HashMap<>();
  private Path home = Path.of(".");
  private final List<String> lines = new ArrayList<>();
  private final Stop stop = new Stop();

  private TestRun(String taskName) {
    this.taskName = taskName;
    environment.put("PATH", System.getenv("PATH"));
  }

  public static TestRun of(String taskName) {
    return new TestRun(taskName);
  }

  public TestRun home(Path home) {
    this.home = home;
    return this;
  }

  /** The scheduled instant, as {@code runner run} at that clock or a tick's fire sets it. */
  public TestRun at(String instant) {
    this.scheduledFor = Instant.parse(instant);
    return this;
  }

  public TestRun zone(String zone) {
    this.zone = ZoneId.of(zone);
    return this;
  }

  public TestRun runId(long runId) {
    this.runId = runId;
    return this;
  }

  public TestRun window(Window window) {
    this.window = window;
    return this;
  }

  public TestRun params(Map<String, Object> params) {
    this.params = Map.copyOf(params);
    return this;
  }

  public TestRun env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  /** What the engine does when the task's timeout fires or runner stops. */
  public void cancel() {
    stop.cancel();
  }

  /** The run's output so far, a line each. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The run's output so far, as its log file would hold it. */
  public synchronized String output() {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** Waits until the run has written a line that contains {@code text}; fails after {@code max}. */
  public synchronized void awaitLine(String text, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (lines.stream().noneMatch(line -> line.contains(text))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no line with \"" + text + "\" within " + max + ":\n" + output());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public String taskName() {
    return taskName;
  }

  @Override
  public long runId() {
    return runId;
  }

  @Override
  public String runKey() {
    return taskName + "@" + scheduledFor;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public String trigger() {
    return trigger;
  }

  @Override
  public Instant scheduledFor() {
    return scheduledFor;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public Optional<Window> window() {
    return Optional.ofNullable(window);
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  @Override
  public Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  @Override
  public Path home() {
    return home;
  }

  @Override
  public synchronized void log(String line) {
    lines.add(line);
    notifyAll();
  }

  @Override
  public Cancellation cancellation() {
    return stop;
  }

  /** Starts the process for real; its output (both streams) becomes lines of the run's output. */
  @Override
  public ProcessOutcome exec(ProcessSpec spec) throws InterruptedException, IOException {
    ProcessBuilder builder =
        new ProcessBuilder(spec.argv()).directory(spec.cwd().toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    Process process = builder.start();
    stop.onCancel(
        () -> {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        });
    try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
      output.lines().forEach(this::log);
    }
    return new ProcessOutcome(process.waitFor(), stop.isCancelled());
  }

  private static final class Stop implements Cancellation {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    void cancel() {
      List<Runnable> toRun;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        toRun = List.copyOf(actions);
      }
      toRun.forEach(Runnable::run);
    }

    @Override
    public synchronized boolean isCancelled() {
      return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
      synchronized (this) {
        if (!cancelled) {
          actions.add(action);
          return;
        }
      }
      action.run();
    }
  }
}
