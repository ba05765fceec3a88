package dev.runner.cli.render;

import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tick tells on stderr, which cron mails: each line once while it holds, not every minute.
 * The keys said are remembered in a file under {@code locks/}; a key that stops holding is
 * forgotten, so it is said again if it comes back.
 */
final class SaidOnce {

  private final Path record;

  SaidOnce(Path record) {
    this.record = record;
  }

  /** Prints the lines whose keys were not said before, and remembers exactly these keys. */
  void say(Map<String, String> linesByKey, PrintWriter err) {
    Set<String> said = said();
    linesByKey.forEach(
        (key, line) -> {
          if (!said.contains(key)) {
            err.println(line);
          }
        });
    Set<String> now = new TreeSet<>(linesByKey.keySet());
    if (now.equals(said)) {
      return;
    }
    try {
      if (now.isEmpty()) {
        Files.deleteIfExists(record);
      } else {
        PrivateFiles.createDirectories(record.getParent());
        PrivateFiles.write(record, String.join("\n", now) + "\n");
      }
    } catch (IOException e) {
      // said again by the next tick: better twice than never
    }
  }

  private Set<String> said() {
    try {
      return Files.exists(record)
          ? new TreeSet<>(Files.readAllLines(record, StandardCharsets.UTF_8))
          : Set.of();
    } catch (IOException e) {
      return Set.of();
    }
  }
}
