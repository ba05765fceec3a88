package dev.runner.task.notion;

/** A journal type's fields: where the page lives and how it is found (its title, or a date). */
record PageSpec(
    String baseUrl,
    String token,
    String databaseId,
    String titleProperty,
    String dateProperty,
    String titleFormat) {}
