package dev.runner.engine;

import dev.runner.config.Redactor;
import dev.runner.config.RunnerConfig;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Durations;
import dev.runner.store.RunEnd;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.StoreException;
import dev.runner.task.TaskResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
  private final OutcomeJournal journal;

  RunExecutor(
      RunnerConfig config,
      Store store,
      Clock clock,
      TaskLog taskLog,
      Redactor redactor,
      ScheduledExecutorService timers,
      ProcessGroups processes,
      Supplier<Notifications> notifications,
      ActiveRuns active,
      OutcomeJournal journal) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.taskLog = taskLog;
    this.redactor = redactor;
    this.timers = timers;
    this.processes = processes;
    this.notifications = notifications;
    this.active = active;
    this.journal = journal;
  }

  RunResult execute(Claim claim, PrintWriter echo) {
    if (active.cancelling()) {
      // Stopped by a signal before its turn came: with no journal file, the next runner's
      // sweep records it as not started and queues it again.
      return new RunResult(
          claim.id(),
          claim.task().name(),
          RunStatus.SKIPPED,
          claim.attempt(),
          0,
          "not started: runner was stopping",
          null);
    }
    try {
      journal.reserve(claim);
    } catch (IOException e) {
      return notStarted(claim, e);
    }
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    taskLog.started(claim.task().name(), claim.id(), claim.trigger().dbName());

    CancelSignal cancel = new CancelSignal();
    active.add(claim.id(), cancel);
    TaskResult result;
    String tail = "";
    Map<String, Object> logNotes = new LinkedHashMap<>();
    try (RunOutput output =
        new RunOutput(
            TaskFiles.runLog(config.settings().logDir(), claim.task().name(), claim.id()),
            redactor,
            echo,
            config.settings().maxOutputBytes())) {
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
                        child -> markChild(claim, child, logNotes)));
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
      output.finishCap().ifPresent(dropped -> logNotes.put("output_dropped", dropped));
      output.checkLog().ifPresent(loss -> logNotes.put("log", loss));
      tail = output.tail();
    }

    RunStatus status = status(result, cancel);
    long elapsed = System.nanoTime() - startNanos;
    double seconds = elapsed / 1e9;
    RunMessage message = new RunMessage(result.details());
    String error = null;
    if (status == RunStatus.TIMEOUT) {
      error = "timed out after " + Durations.format(claim.task().timeout());
    } else if (cancel.reason() == CancelSignal.Reason.SHUTDOWN) {
      error = "stopped: runner was shutting down (" + result.summary() + ")";
    } else if (status == RunStatus.CANCELLED) {
      error = "cancelled by request (" + result.summary() + ")";
    } else if (status != RunStatus.SUCCESS) {
      error = result.summary();
    }
    // once, here: the row, task.log, the journal, and the tick's or run's own line all take it
    error = redactor.redact(error);
    if (error != null) {
      message = message.withError(error);
    } else if (!result.summary().isEmpty()) {
      message = message.withSummary(redactor.redact(result.summary()));
    }
    message = message.withNotes(claim.notes()).withNotes(logNotes).withOutputTail(tail);
    Instant end = start.plusNanos(elapsed);
    Instant retryAt = retryAt(claim, status, end);
    if (retryAt != null) {
      message = message.withRetry(retryNote(claim.attempt() + 1, retryAt, config));
    }
    try {
      boolean recorded =
          record(
              claim,
              new OutcomeJournal.Outcome(
                  new RunEnd(
                      status,
                      start,
                      end,
                      seconds,
                      redactor.redact(message.json()),
                      retryAt == null),
                  retryAt));
      if (!recorded) {
        // its row was ended meanwhile: another host, finding this process silent, recorded it
        // crashed (and queued its retry, if any); this outcome is not written over that
        taskLog.note(
            "run "
                + claim.id()
                + " of "
                + claim.task().name()
                + " was taken over while this process was silent (recorded by another host);"
                + " its outcome here, "
                + status.dbName()
                + ", is not recorded");
        return new RunResult(
            claim.id(),
            claim.task().name(),
            status,
            claim.attempt(),
            seconds,
            "taken over by another host; this outcome is not recorded",
            null);
      }
    } finally {
      active.remove(claim.id()); // recorded (or kept in the journal): a stopping runner may end now
    }
    taskLog.ended(claim.task().name(), claim.id(), status.dbName(), seconds, error);
    if (retryAt == null && !claim.task().notifyRules().isEmpty()) {
      notifications.get().afterOutcome(claim.task(), claim.id());
    }
    return new RunResult(
        claim.id(), claim.task().name(), status, claim.attempt(), seconds, error, retryAt);
  }

  /**
   * The outcome goes to the run's journal file, then to the database, which is tried once more when
   * it fails for a reason other than a lock (whose busy timeout has already waited). When the
   * database cannot take it, the journal keeps it for the next runner process to record, and the
   * failure says so. False when the row had been ended by another host: nothing was written.
   */
  private boolean record(Claim claim, OutcomeJournal.Outcome outcome) {
    boolean kept;
    try {
      journal.record(claim, outcome);
      kept = true;
    } catch (IOException e) {
      kept = false;
      taskLog.note("run " + claim.id() + ": its journal file could not take the outcome: " + e);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        boolean written = store.finish(claim.id(), outcome.end());
        journal.remove(claim.id());
        return written;
      } catch (StoreException e) {
        if (attempt == 1 && e.kind() != StoreException.Kind.LOCKED) {
          pause(RECORD_RETRY_PAUSE);
          continue;
        }
        String what =
            "the outcome of run "
                + claim.id()
                + " of "
                + claim.task().name()
                + " ("
                + outcome.end().status().dbName()
                + ")";
        throw new StoreException(
            e.kind(),
            e.getMessage()
                + (kept
                    ? "; "
                        + what
                        + " is kept in "
                        + journal.file(claim.id())
                        + " and the next runner command records it"
                    : "; " + what + " is lost: the journal could not take it either"),
            e);
      }
    }
  }

  static final Duration RECORD_RETRY_PAUSE = Duration.ofSeconds(1);

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A run whose journal file cannot be made is not started: its outcome could not be kept if the
   * database failed too. Its row says why, and its retries apply as to any technical failure.
   */
  private RunResult notStarted(Claim claim, IOException cause) {
    Instant now = clock.instant();
    String error =
        "not started: its journal file "
            + journal.file(claim.id())
            + " could not be made ("
            + cause
            + ")";
    Instant retryAt = retryAt(claim, RunStatus.TECHNICAL_FAILURE, now);
    RunMessage message = new RunMessage(claim.notes()).withError(error);
    if (retryAt != null) {
      message = message.withRetry(retryNote(claim.attempt() + 1, retryAt, config));
    }
    store.finish(
        claim.id(),
        new RunEnd(
            RunStatus.TECHNICAL_FAILURE,
            now,
            now,
            0,
            redactor.redact(Json.write(message)),
            retryAt == null));
    taskLog.ended(claim.task().name(), claim.id(), "technical_failure", 0, error);
    if (retryAt == null && !claim.task().notifyRules().isEmpty()) {
      notifications.get().afterOutcome(claim.task(), claim.id());
    }
    return new RunResult(
        claim.id(),
        claim.task().name(),
        RunStatus.TECHNICAL_FAILURE,
        claim.attempt(),
        0,
        error,
        retryAt);
  }

  /** The message's {@code retry}: the next attempt and when, as a person reads a time. */
  static RunMessage.Retry retryNote(int attempt, Instant at, RunnerConfig config) {
    return new RunMessage.Retry(attempt, DateTimeText.iso(at, config.settings().zone()));
  }

  /**
   * Technical failures and timeouts are tried again while the policy allows; nothing else. The
   * attempt is due on the whole second after the backoff, so that the time every message shows is
   * the one it starts at, and never before the backoff has passed.
   */
  static Instant retryAt(Claim claim, RunStatus status, Instant end) {
    boolean retryable =
        status == RunStatus.TECHNICAL_FAILURE
            || status == RunStatus.TIMEOUT
            || status == RunStatus.CRASHED;
    if (!retryable || !claim.task().retries().allowsAfter(claim.attempt())) {
      return null;
    }
    Instant due = end.plus(claim.task().retries().delayBefore(claim.attempt() + 1));
    Instant second = due.truncatedTo(ChronoUnit.SECONDS);
    return second.equals(due) ? due : second.plusSeconds(1);
  }

  /**
   * The child's pid lets a later crash sweep stop what a dead runner left running. A database that
   * refuses it (full, locked) loses only that clean-up, and must not fail a task that has started.
   */
  private void markChild(Claim claim, ProcessHandle child, Map<String, Object> notes) {
    try {
      store.markChild(claim.id(), child.pid(), Instant.now());
    } catch (StoreException e) {
      notes.put("child_pid", "not recorded: " + e.getMessage());
    }
  }

  private static RunStatus status(TaskResult result, CancelSignal cancel) {
    if (cancel.reason() == CancelSignal.Reason.TIMEOUT) {
      return RunStatus.TIMEOUT;
    }
    if (cancel.reason() == CancelSignal.Reason.SHUTDOWN) {
      return RunStatus.TECHNICAL_FAILURE;
    }
    if (cancel.reason() == CancelSignal.Reason.REQUEST) {
      return RunStatus.CANCELLED;
    }
    return switch (result.outcome()) {
      case SUCCESS -> RunStatus.SUCCESS;
      case BUSINESS_FAILURE -> RunStatus.BUSINESS_FAILURE;
      case TECHNICAL_FAILURE -> RunStatus.TECHNICAL_FAILURE;
    };
  }

  /**
   * The process environment, the .env entries and the run's own RUNNER_* variables, with {@code TZ}
   * the task's zone: `date` in a task must agree with the schedule that started it, not with the
   * server's zone. A {@code TZ} from the process environment or .env is replaced, since the task's
   * zone already derives from {@code RUNNER_TIMEZONE}; only the task's own {@code env} (which a
   * shell task lays over this) says otherwise.
   */
  private Map<String, String> environment(Claim claim) {
    Map<String, String> env = new HashMap<>(config.environment().forChildren());
    env.put("TZ", tz(claim.task().zone()));
    env.put("RUNNER_TASK", claim.task().name());
    env.put("RUNNER_RUN_ID", Long.toString(claim.id()));
    env.put("RUNNER_SCHEDULED_TIME", claim.scheduledFor().toString());
    env.put("RUNNER_ATTEMPT", Integer.toString(claim.attempt()));
    env.put("RUNNER_TRIGGER", claim.trigger().dbName());
    env.put("RUNNER_HOME", config.home().dir().toString());
    if (claim.window() != null) {
      env.put("RUNNER_WINDOW_START", claim.window().start().toString());
      env.put("RUNNER_WINDOW_END", claim.window().end().toString());
    }
    return env;
  }

  /**
   * {@code zone} as the C library reads {@code TZ}. A tzdb name is the same file to both. A fixed
   * offset needs POSIX's form, whose sign is the reverse of ISO's: {@code UTC+08:00} handed over as
   * written would mean eight hours west of Greenwich; {@code <+08>-8} is eight hours east.
   */
  static String tz(ZoneId zone) {
    if (ZoneId.getAvailableZoneIds().contains(zone.getId())) {
      return zone.getId();
    }
    int seconds = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
    if (seconds == 0) {
      return "UTC0";
    }
    int abs = Math.abs(seconds);
    String hours = String.format("%02d", abs / 3600);
    String minutes = abs % 3600 == 0 ? "" : String.format("%02d", abs % 3600 / 60);
    String rest = abs % 60 == 0 ? "" : String.format(":%02d", abs % 60);
    String name = "<" + (seconds < 0 ? "-" : "+") + hours + minutes + ">";
    return name
        + (seconds > 0 ? "-" : "")
        + hours
        + (minutes.isEmpty() && rest.isEmpty() ? "" : ":" + (minutes.isEmpty() ? "00" : minutes))
        + rest;
  }
}
