package dev.runner.query;

import dev.runner.config.Suggest;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunStatus;
import dev.runner.store.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The history's filters and pages, as {@code runner history} and its fast path ask for them. */
public final class History {

  private History() {}

  /**
   * The statuses named; {@code failed} (or {@code failure}) stands for every failure.
   *
   * @throws IllegalArgumentException for a name that is no status, with a hint
   */
  public static Set<RunStatus> statuses(List<String> names) {
    Set<RunStatus> out = EnumSet.noneOf(RunStatus.class);
    for (String status : names) {
      String name = status.strip().toLowerCase(Locale.ROOT);
      if (name.equals("failed") || name.equals("failure")) {
        out.addAll(RunStatus.FAILURES);
        continue;
      }
      try {
        out.add(RunStatus.fromDb(name));
      } catch (IllegalArgumentException e) {
        List<String> known = new ArrayList<>(List.of("failed"));
        for (RunStatus s : RunStatus.values()) {
          known.add(s.dbName());
        }
        String hint = Suggest.didYouMean(name, known);
        throw new IllegalArgumentException(
            "unknown status \""
                + status
                + "\""
                + (hint != null ? "; " + hint : "; one of " + String.join(", ", known)),
            e);
      }
    }
    return out;
  }

  /**
   * The triggers named, as rows store them ({@code schedule}, {@code manual}, {@code retry}, {@code
   * dependency}, {@code backfill}).
   *
   * @throws IllegalArgumentException for a name that is no trigger, with a hint
   */
  public static Set<Trigger> triggers(List<String> names) {
    Set<Trigger> out = EnumSet.noneOf(Trigger.class);
    for (String trigger : names) {
      String name = trigger.strip().toLowerCase(Locale.ROOT);
      try {
        out.add(Trigger.fromDb(name));
      } catch (IllegalArgumentException e) {
        List<String> known = new ArrayList<>();
        for (Trigger t : Trigger.values()) {
          known.add(t.dbName());
        }
        String hint = Suggest.didYouMean(name, known);
        throw new IllegalArgumentException(
            "unknown trigger \""
                + trigger
                + "\""
                + (hint != null ? "; " + hint : "; one of " + String.join(", ", known)),
            e);
      }
    }
    return out;
  }

  /** Page {@code page} (from 1) of {@code limit} rows, newest first. */
  public static HistoryQuery page(
      String task, Set<RunStatus> statuses, Instant since, int limit, int page) {
    return new HistoryQuery(task, statuses, since, limit, (page - 1) * limit);
  }

  /** As {@link #page}, with the API's further filters: before {@code until}, by these triggers. */
  public static HistoryQuery page(
      String task,
      Set<RunStatus> statuses,
      Set<Trigger> triggers,
      Instant since,
      Instant until,
      int limit,
      int page) {
    return new HistoryQuery(task, statuses, since, limit, (page - 1) * limit, until, triggers);
  }

  /** Any one row of {@code task}: whether the history knows it at all. */
  public static HistoryQuery anyRun(String task) {
    return new HistoryQuery(task, Set.of(), null, 1, 0);
  }
}
