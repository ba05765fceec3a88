package dev.runner.task;

/** How a child process ended; {@code cancelled} when the run's cancellation stopped it. */
public record ProcessOutcome(int exitCode, boolean cancelled) {}
