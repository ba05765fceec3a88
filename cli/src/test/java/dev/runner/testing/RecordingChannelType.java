package dev.runner.testing;

import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.ChannelFields;
import dev.runner.notify.spi.ChannelType;
import dev.runner.notify.spi.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A channel type as a plugin would add one, registered only on the test class path
 * (src/test/resources/META-INF/services): {@code "type": "recording"} appends each notification's
 * rendered {@code text_template} as a line to {@code file}, and answers with what it wrote and the
 * {@code RECORDER_KEY} it found, as a peer that echoes its credentials would.
 */
public final class RecordingChannelType implements ChannelType {

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public Set<String> fields() {
    return Set.of("file", "text_template");
  }

  @Override
  public Channel configure(ChannelFields fields) {
    String file = fields.string("file").orElse(null);
    if (file == null) {
      fields.problem(null, "a recording channel needs a file", "add \"file\": \"sent.txt\"");
    }
    String text = fields.template("text_template").orElse("{{task_id}} {{event}}");
    return new Recording(file == null ? null : Path.of(file), text);
  }

  record Recording(Path file, String textTemplate) implements Channel {
    @Override
    public String label() {
      return "recording";
    }

    @Override
    public String send(Notification notification) throws Exception {
      String line = notification.render(textTemplate);
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return "recorded \""
          + line
          + "\" with key "
          + notification.env("RECORDER_KEY").orElse("none")
          + " within "
          + notification.timeout().toSeconds()
          + " s";
    }
  }
}
