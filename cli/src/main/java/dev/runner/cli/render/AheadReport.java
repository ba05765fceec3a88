package dev.runner.cli.render;

import dev.runner.engine.StateAhead;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tick's word on tasks whose state is ahead of the clock: said once on stderr (which cron mails)
 * for each task and watermark, remembered in {@code locks/ahead}, not every minute.
 */
public final class AheadReport {

  private final SaidOnce once;

  public AheadReport(Path home) {
    this.once = new SaidOnce(home.resolve("locks").resolve("ahead"));
  }

  public void report(List<StateAhead.Ahead> ahead, PrintWriter err, ZoneId zone) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (StateAhead.Ahead a : ahead) {
      lines.put(a.task() + " " + a.watermark(), line(a, zone));
    }
    once.say(lines, err);
  }

  public static String line(StateAhead.Ahead a, ZoneId zone) {
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
}
