package com.example.runner.hello;

import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends the rendered line to the file; a file that cannot be written fails the delivery. */
final class JournalChannel implements Channel {

  private final Path file;
  private final String line;

  JournalChannel(Path file, String line) {
    this.file = file;
    this.line = line;
  }

  @Override
  public String label() {
    return "journal " + file.getFileName();
  }

  @Override
  public String send(Notification notification) throws Exception {
    String text = notification.render(line).replace('\n', ' ') + "\n";
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return "appended to " + file;
  }
}
