package dev.runner.config;

/** The file changed since the version an edit was made from: written over, that change is lost. */
public final class StaleConfigException extends Exception {

  private final String current;

  public StaleConfigException(String current) {
    super("tasks_config.json changed since that version; read it again and redo the edit");
    this.current = current;
  }

  /** The file's version now. */
  public String current() {
    return current;
  }
}
