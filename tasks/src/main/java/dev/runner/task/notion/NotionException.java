package dev.runner.task.notion;

/** A Notion call that failed; {@code technical} when trying again later may help. */
final class NotionException extends Exception {
  final boolean technical;

  NotionException(String message, boolean technical) {
    super(message);
    this.technical = technical;
  }
}
