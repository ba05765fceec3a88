package dev.runner.notify;

/** What one channel did with one notification: recorded on the run's row. */
public record Delivery(String rule, String event, String channel, boolean ok, String answer) {}
