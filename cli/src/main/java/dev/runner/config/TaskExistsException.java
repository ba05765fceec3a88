package dev.runner.config;

/** A task is to be created under a name the file already has. */
public final class TaskExistsException extends Exception {

  public TaskExistsException(String task) {
    super("a task named \"" + task + "\" exists already; PUT replaces it");
  }
}
