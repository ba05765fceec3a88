import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.engine.Planner;
import dev.runner.store.HistoryQuery;
import dev.runner.store.NewRun;
import dev.runner.store.RunStatus;
import dev.runner.store.RunEnd;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import dev.runner.store.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Scale figures of issue 6, point 3, measured inside one JVM against runner's own classes:
 *   plan   HOME       load and plan a home's tasks (the bench writes 10,000 of them)
 *   fill   DB N       write N history rows over 50 tasks, with realistic messages
 *   history DB TASK   median time of `history --task TASK --limit 20`, after warm-up
 *   size   DB         bytes per row: file size / rows, and the output tails' share
 */
public class ScaleBench {

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "plan" -> plan(Path.of(args[1]));
      case "fill" -> fill(Path.of(args[1]), Integer.parseInt(args[2]));
      case "history" -> history(Path.of(args[1]), args[2]);
      case "size" -> size(Path.of(args[1]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void plan(Path home) throws Exception {
    long start = System.nanoTime();
    RunnerConfig config =
        new ConfigLoader(TaskTypes.load(ScaleBench.class.getClassLoader()), System.getenv(),
                ZoneOffset.UTC)
            .load(Home.resolve(home.toString(), null, null, Map.of(), Path.of("")));
    long loaded = System.nanoTime();
    Instant now = Instant.parse("2026-11-23T10:00:30Z");
    Map<String, TaskState> states = new HashMap<>();
    config.tasks().forEach(t -> states.put(t.name(),
        TaskState.firstSight(t.name(), Instant.parse("2026-11-22T10:00:00Z"), now)));
    Planner planner = new Planner();
    var plan = planner.plan(config.tasks(), states, Set.of(), now);
    long planned = System.nanoTime();
    System.out.printf("tasks %d, load %.3f s, plan %.3f s (%d runs decided), total %.3f s%n",
        config.tasks().size(), (loaded - start) / 1e9, (planned - loaded) / 1e9,
        plan.decisions().size(), (planned - start) / 1e9);
  }

  static void fill(Path db, int rows) throws Exception {
    try (Store store = SqliteStore.connect(db)) {
      Instant base = Instant.parse("2025-01-01T00:00:00Z");
      int batch = 10_000;
      for (int from = 0; from < rows; from += batch) {
        int first = from;
        store.inLightTransaction(tx -> {
          for (int i = first; i < Math.min(first + batch, rows); i++) {
            Instant at = base.plusSeconds(60L * i);
            String task = "task_" + (i % 50);
            String message = "{\"exit_code\":0,\"output_tail\":\"\"}";
            long id = tx.insert(new NewRun(task, RunStatus.RUNNING, at, at, Trigger.SCHEDULE, 1, message),
                "host", 4242).orElseThrow();
            tx.finish(id, new RunEnd(RunStatus.SUCCESS, at, at.plusMillis(1200), 1.2, message, true));
          }
          return null;
        });
      }
    }
  }

  static void history(Path db, String task) throws Exception {
    try (Store store = SqliteStore.connect(db)) {
      double[] ms = new double[51];
      for (int i = 0; i < ms.length; i++) {
        long start = System.nanoTime();
        var rows = store.history(new HistoryQuery(task, Set.of(), null, 20, 0));
        ms[i] = (System.nanoTime() - start) / 1e6;
        if (rows.size() != 20) {
          throw new AssertionError(rows.size());
        }
      }
      Arrays.sort(ms);
      System.out.printf("history --task %s --limit 20: first %.2f ms, median %.2f ms%n",
          task, ms[ms.length - 1], ms[ms.length / 2]);
    }
  }

  static void size(Path db) throws Exception {
    long bytes = Files.size(db);
    long rows;
    long tails;
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var s = c.createStatement();
        var rs = s.executeQuery(
            "SELECT count(*), coalesce(sum(length(json_extract(message, '$.output_tail'))), 0)"
                + " FROM task_logs")) {
      rows = rs.getLong(1);
      tails = rs.getLong(2);
    }
    System.out.printf("%d rows, %d bytes: %.0f bytes per row, of which output tails %.0f%n",
        rows, bytes, (double) bytes / rows, (double) tails / rows);
  }
}
