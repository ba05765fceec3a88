package dev.runner.notify.spi;

import java.util.Set;

/**
 * A kind of notification channel, found through {@link java.util.ServiceLoader} as a task type is:
 * the built-in {@code email} and {@code webhook}, and those of plugin jars in the home's {@code
 * plugins/} folder. A channel's {@code type} field picks the type.
 */
public interface ChannelType {

  /** The value of a channel's {@code type} field that selects this type. */
  String name();

  /** The fields this type reads in a channel object, beside {@code type}. */
  Set<String> fields();

  /**
   * Reads and checks this type's fields. Reports every problem through {@link
   * ChannelFields#problem}; the returned channel is discarded when any was reported.
   */
  Channel configure(ChannelFields fields);
}
