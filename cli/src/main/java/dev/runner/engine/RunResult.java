package dev.runner.engine;

import dev.runner.store.RunStatus;

/** How one run ended, as recorded. */
public record RunResult(long id, String task, RunStatus status, double seconds, String error) {}
