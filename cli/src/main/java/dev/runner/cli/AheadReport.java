package dev.runner.cli;

import dev.runner.engine.StateAhead;
import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tick's word on tasks whose state is ahead of the clock: said once on stderr (which cron mails)
 * for each task and watermark, remembered in {@code locks/ahead}, not every minute.
 */
final class AheadReport {

  private final Path record;

  AheadReport(Path home) {
    this.record = home.resolve("locks").resolve("ahead");
  }

  void report(List<StateAhead.Ahead> ahead, PrintWriter err, ZoneId zone) {
    Set<String> now = new TreeSet<>();
    for (StateAhead.Ahead a : ahead) {
      now.add(a.task() + " " + a.watermark());
    }
    Set<String> said = said();
    for (StateAhead.Ahead a : ahead) {
      if (!said.contains(a.task() + " " + a.watermark())) {
        err.println(line(a, zone));
      }
    }
    if (now.equals(said)) {
      return;
    }
    try {
      if (now.isEmpty()) {
        Files.deleteIfExists(record);
      } else {
        PrivateFiles.write(record, String.join("\n", now) + "\n");
      }
    } catch (IOException e) {
      // said again by the next tick: better twice than never
    }
  }

  static String line(StateAhead.Ahead a, ZoneId zone) {
    return a.task()
        + ": its state is "
        + StateAhead.describe(a.by())
        + " ahead of the clock (watermark "
        + Times.local(a.watermark(), zone)
        + ", as a `tick --now` in the future leaves it): none of its fires runs until then;"
        + " `runner state reset "
        + a.task()
        + "` brings it back";
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
