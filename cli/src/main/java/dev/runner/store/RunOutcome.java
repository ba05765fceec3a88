package dev.runner.store;

/** A final run as a sparkline draws it: which run, how it ended, its seconds (null if unknown). */
public record RunOutcome(long id, RunStatus status, Double duration) {}
