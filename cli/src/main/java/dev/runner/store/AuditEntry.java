package dev.runner.store;

import java.time.Instant;

/**
 * One change in the audit table: who made it, when, from where, what and on what, and how it ended.
 * Never a request's body: it may carry a password or a token.
 *
 * @param who a token's name, {@code password} for a browser session, {@code local} on loopback,
 *     {@code cli:USER} for the command line, {@code anonymous} when no one was known
 * @param from the client's address ({@code cli} for the command line)
 * @param action the method and path, {@code POST /api/v1/tasks/backup/run}, or {@code token create}
 * @param target the task's name or run's id the path names, a token's name; null when none
 * @param outcome the HTTP status answered (the command line records its HTTP equivalents)
 */
public record AuditEntry(
    Instant at, String who, String from, String action, String target, int outcome) {}
