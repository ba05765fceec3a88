package dev.runner.config;

import dev.runner.notify.spi.ChannelType;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notification channel types by name: the built-in {@code email} and {@code webhook} and those
 * of plugin jars, found with the task types (see {@link TaskTypes#channels()}).
 */
public final class ChannelTypes {

  private final Map<String, ChannelType> byName;

  ChannelTypes(Map<String, ChannelType> byName) {
    this.byName = Map.copyOf(byName);
  }

  public ChannelType get(String name) {
    return byName.get(name);
  }

  public Set<String> names() {
    return new TreeSet<>(byName.keySet());
  }
}
