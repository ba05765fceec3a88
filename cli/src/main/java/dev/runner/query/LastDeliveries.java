package dev.runner.query;

import dev.runner.config.TaskDef;
import dev.runner.engine.RunMessage;
import dev.runner.notify.Delivery;
import dev.runner.notify.spi.Channel;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each of a task's notification rules last sent on each of its channels, found in the messages
 * of the task's latest runs (a rule fires on few runs, so the last run alone mostly has none). The
 * search stops once every rule and channel has one, or after {@link #SCANNED} runs.
 */
public final class LastDeliveries {

  /** How far back the search goes: a day and a half of a task that runs every two minutes. */
  public static final int SCANNED = 1000;

  private static final int PAGE = 200;

  private LastDeliveries() {}

  /**
   * One delivery and the run it was for.
   *
   * @param at when that run ended (its notifications were sent right after)
   */
  public record Sent(
      String rule, String channel, String event, boolean ok, long runId, Instant at) {}

  /** The latest delivery per rule and channel, in the rules' order then their channels'. */
  public static List<Sent> read(Store store, String task, List<TaskDef.NotifyRule> rules) {
    Set<String> wanted = new HashSet<>();
    for (TaskDef.NotifyRule rule : rules) {
      for (Channel channel : rule.channels()) {
        wanted.add(key(rule.name(), channel.label()));
      }
    }
    Map<String, Sent> found = new LinkedHashMap<>();
    for (int offset = 0; offset < SCANNED && found.size() < wanted.size(); offset += PAGE) {
      List<RunRecord> page = store.history(new HistoryQuery(task, null, null, PAGE, offset));
      for (RunRecord run : page) {
        for (Delivery d : RunMessage.parse(run.message()).notifications()) {
          String key = key(d.rule(), d.channel());
          if (wanted.contains(key) && !found.containsKey(key)) {
            found.put(
                key, new Sent(d.rule(), d.channel(), d.event(), d.ok(), run.id(), run.endTime()));
          }
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    List<Sent> ordered = new ArrayList<>();
    for (TaskDef.NotifyRule rule : rules) {
      for (Channel channel : rule.channels()) {
        Sent sent = found.get(key(rule.name(), channel.label()));
        if (sent != null) {
          ordered.add(sent);
        }
      }
    }
    return ordered;
  }

  private static String key(String rule, String channel) {
    return rule + "\u0000" + channel;
  }
}
