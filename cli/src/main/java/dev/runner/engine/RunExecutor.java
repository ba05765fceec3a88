package dev.runner.engine;

import dev.runner.config.RunnerConfig;
import dev.runner.schedule.Durations;
import dev.runner.store.RunEnd;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.task.TaskResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs one claimed run to its end and records it: output, status, message, task.log lines. */
final class RunExecutor {

  private final RunnerConfig config;
  private final Store store;
  private final Clock clock;
  private final TaskLog taskLog;
  private final Redactor redactor;
  private final ScheduledExecutorService timers;
  private final ProcessGroups processes;
  private final Supplier<Notifications> notifications;
  private final ActiveRuns active;

  RunExecutor(
      RunnerConfig config,
      Store store,
      Clock clock,
      TaskLog taskLog,
      Redactor redactor,
      ScheduledExecutorService timers,
      ProcessGroups processes,
      Supplier<Notifications> notifications,
      ActiveRuns active) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.taskLog = taskLog;
    this.redactor = redactor;
    this.timers = timers;
    this.processes = processes;
    this.notifications = notifications;
    this.active = active;
  }

  RunResult execute(Claim claim, PrintWriter echo) {
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    taskLog.started(claim.task().name(), claim.id(), claim.trigger());

    CancelSignal cancel = new CancelSignal();
    active.add(cancel);
    TaskResult result;
    String tail = "";
    try (RunOutput output =
        new RunOutput(
            TaskFiles.runLog(config.settings().logDir(), claim.task().name(), claim.id()),
            redactor,
            echo)) {
      ScheduledFuture<?> timer =
          claim.task().timeout() == null
              ? null
              : timers.schedule(
                  () -> cancel.cancel(CancelSignal.Reason.TIMEOUT),
                  claim.task().timeout().toMillis(),
                  TimeUnit.MILLISECONDS);
      try {
        result =
            claim
                .task()
                .task()
                .run(
                    new RunContext(
                        claim,
                        environment(claim),
                        config.home().dir(),
                        output,
                        cancel,
                        processes,
                        // The wall clock, not the run's (which --now may set): a later
                        // sweep checks it against the process's start as the OS tells it.
                        child -> store.markChild(claim.id(), child.pid(), Instant.now())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result = TaskResult.technicalFailure("interrupted");
      } catch (Exception | LinkageError e) {
        result = TaskResult.technicalFailure(e.toString());
        output.line(e.toString());
      } finally {
        if (timer != null) {
          timer.cancel(false);
        }
      }
      tail = output.tail();
    }

    active.remove(cancel);
    RunStatus status = status(result, cancel);
    long elapsed = System.nanoTime() - startNanos;
    double seconds = elapsed / 1e9;
    Map<String, Object> message = new LinkedHashMap<>(result.details());
    String error = null;
    if (status == RunStatus.TIMEOUT) {
      error = "timed out after " + Durations.format(claim.task().timeout());
    } else if (cancel.reason() == CancelSignal.Reason.SHUTDOWN) {
      error = "stopped: runner was shutting down (" + result.summary() + ")";
    } else if (status != RunStatus.SUCCESS) {
      error = result.summary();
    }
    if (error != null) {
      message.put("error", redactor.redact(error));
    } else if (!result.summary().isEmpty()) {
      message.put("summary", redactor.redact(result.summary()));
    }
    message.putAll(claim.notes());
    message.put("output_tail", tail);
    Instant end = start.plusNanos(elapsed);
    Instant retryAt = retryAt(claim, status, end);
    if (retryAt != null) {
      message.put("retry", Map.of("attempt", claim.attempt() + 1, "at", retryAt.toString()));
    }
    store.finish(
        claim.id(),
        new RunEnd(
            status, start, end, seconds, redactor.redact(Json.write(message)), retryAt == null));
    taskLog.ended(claim.task().name(), claim.id(), status.dbName(), seconds, error);
    if (retryAt == null && !claim.task().notifyRules().isEmpty()) {
      notifications.get().afterOutcome(claim.task(), claim.id());
    }
    return new RunResult(
        claim.id(), claim.task().name(), status, claim.attempt(), seconds, error, retryAt);
  }

  /** Technical failures and timeouts are tried again while the policy allows; nothing else. */
  static Instant retryAt(Claim claim, RunStatus status, Instant end) {
    boolean retryable =
        status == RunStatus.TECHNICAL_FAILURE
            || status == RunStatus.TIMEOUT
            || status == RunStatus.CRASHED;
    if (!retryable || !claim.task().retries().allowsAfter(claim.attempt())) {
      return null;
    }
    return end.plus(claim.task().retries().delayBefore(claim.attempt() + 1));
  }

  private static RunStatus status(TaskResult result, CancelSignal cancel) {
    if (cancel.reason() == CancelSignal.Reason.TIMEOUT) {
      return RunStatus.TIMEOUT;
    }
    if (cancel.reason() == CancelSignal.Reason.SHUTDOWN) {
      return RunStatus.TECHNICAL_FAILURE;
    }
    return switch (result.outcome()) {
      case SUCCESS -> RunStatus.SUCCESS;
      case BUSINESS_FAILURE -> RunStatus.BUSINESS_FAILURE;
      case TECHNICAL_FAILURE -> RunStatus.TECHNICAL_FAILURE;
    };
  }

  /** The process environment, the .env entries and the run's own RUNNER_* variables. */
  private Map<String, String> environment(Claim claim) {
    Map<String, String> env = new HashMap<>(config.environment().forChildren());
    env.put("RUNNER_TASK", claim.task().name());
    env.put("RUNNER_RUN_ID", Long.toString(claim.id()));
    env.put("RUNNER_SCHEDULED_TIME", claim.scheduledFor().toString());
    env.put("RUNNER_ATTEMPT", Integer.toString(claim.attempt()));
    env.put("RUNNER_TRIGGER", claim.trigger());
    env.put("RUNNER_HOME", config.home().dir().toString());
    if (claim.window() != null) {
      env.put("RUNNER_WINDOW_START", claim.window().start().toString());
      env.put("RUNNER_WINDOW_END", claim.window().end().toString());
    }
    return env;
  }
}
