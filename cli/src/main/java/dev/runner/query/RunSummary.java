package dev.runner.query;

import dev.runner.engine.RunMessage;
import java.util.Map;

/**
 * A run's message told in one line, the same in {@code history}, {@code status} and the console.
 */
public final class RunSummary {

  private RunSummary() {}

  /** {@link RunMessage#oneLine} of a parsed message. */
  public static String of(Map<String, Object> message) {
    return new RunMessage(message).oneLine();
  }
}
