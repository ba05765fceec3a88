package dev.runner.config;

/**
 * A secret setting's value ({@code RUNNER_DB_PASSWORD}): kept in the settings, never in their text,
 * so a record printed by accident or a debugger's view does not show it.
 */
public record Secret(String value) {

  @Override
  public String toString() {
    return "***";
  }
}
