package com.example.runner.hello;

import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.ChannelFields;
import dev.runner.notify.spi.ChannelType;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code "type": "journal"} in a rule's channels: appends one line per notification to a file.
 * Shows what a channel type does: name itself, list its fields, and turn them into a {@link
 * Channel}, reporting mistakes through {@link ChannelFields}.
 */
public final class JournalChannelType implements ChannelType {

  @Override
  public String name() {
    return "journal";
  }

  @Override
  public Set<String> fields() {
    return Set.of("path", "line");
  }

  @Override
  public Channel configure(ChannelFields fields) {
    String path = fields.string("path").orElse("");
    if (path.isBlank()) {
      fields.problem("path", "path is missing", "e.g. \"path\": \"/var/log/runner-events.log\"");
    }
    String line =
        fields.template("line").orElse("{{event}} {{task_id}} {{execution_status}} {{error}}");
    return new JournalChannel(Path.of(path), line);
  }
}
