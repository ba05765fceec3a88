package dev.runner.task;

import java.util.Map;
import java.util.Objects;

/**
 * How a run ended, as the task sees it. Timeouts and crashes are decided by the engine, not here.
 * {@code details} go into the run's history message as JSON, so keep them to strings, numbers,
 * booleans, lists and maps.
 */
public sealed interface TaskResult {

  Outcome outcome();

  /** One line for people: what was done, or what went wrong. May be empty, never null. */
  String summary();

  Map<String, Object> details();

  enum Outcome {
    SUCCESS,
    BUSINESS_FAILURE,
    TECHNICAL_FAILURE
  }

  record Success(String summary, Map<String, Object> details) implements TaskResult {
    public Success {
      summary = Objects.requireNonNullElse(summary, "");
      details = Map.copyOf(details);
    }

    @Override
    public Outcome outcome() {
      return Outcome.SUCCESS;
    }
  }

  record BusinessFailure(String summary, Map<String, Object> details) implements TaskResult {
    public BusinessFailure {
      summary = requireReason(summary);
      details = Map.copyOf(details);
    }

    @Override
    public Outcome outcome() {
      return Outcome.BUSINESS_FAILURE;
    }
  }

  record TechnicalFailure(String summary, Map<String, Object> details) implements TaskResult {
    public TechnicalFailure {
      summary = requireReason(summary);
      details = Map.copyOf(details);
    }

    @Override
    public Outcome outcome() {
      return Outcome.TECHNICAL_FAILURE;
    }
  }

  static TaskResult success(String summary) {
    return new Success(summary, Map.of());
  }

  static TaskResult businessFailure(String reason) {
    return new BusinessFailure(reason, Map.of());
  }

  static TaskResult technicalFailure(String reason) {
    return new TechnicalFailure(reason, Map.of());
  }

  /** The shell convention: 0 success, 1 business failure, anything else technical failure. */
  static TaskResult ofExitCode(int exitCode) {
    Map<String, Object> details = Map.of("exit_code", exitCode);
    return switch (exitCode) {
      case 0 -> new Success("", details);
      case 1 -> new BusinessFailure("exit code 1", details);
      default -> new TechnicalFailure(describeExit(exitCode), details);
    };
  }

  private static String describeExit(int exitCode) {
    return exitCode > 128 && exitCode < 160
        ? "exit code " + exitCode + " (killed by signal " + (exitCode - 128) + ")"
        : "exit code " + exitCode;
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a failure needs a reason");
    }
    return reason;
  }
}
