package dev.runner.web;

import dev.runner.cli.render.StatusReport;
import dev.runner.config.InvalidTask;
import dev.runner.config.RunnerConfig;
import dev.runner.config.Suggest;
import dev.runner.config.TaskDef;
import dev.runner.engine.BusyException;
import dev.runner.engine.ElsewhereException;
import dev.runner.engine.Engine;
import dev.runner.query.History;
import dev.runner.query.HomeStatus;
import dev.runner.query.HostsJson;
import dev.runner.query.RunDetail;
import dev.runner.query.RunJson;
import dev.runner.query.StatsJson;
import dev.runner.query.StatusReader;
import dev.runner.query.TaskDetail;
import dev.runner.query.TaskJson;
import dev.runner.query.TaskRows;
import dev.runner.query.TaskStats;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Durations;
import dev.runner.store.HistoryQuery;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The endpoints under {@code /api/v1}: each reads what it answers from {@code dev.runner.query},
 * the classes the command line formats for {@code --json}, so the keys are the same; a run is
 * started through {@code Engine.submit}, as {@code runner run} starts one.
 */
final class Api {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final WebHome home;
  private final LogStream logs;

  Api(WebHome home, LogStream logs) {
    this.home = home;
    this.logs = logs;
  }

  private Instant now() {
    return home.clock().instant();
  }

  private <T> T read(Function<Store, T> query) {
    return query.apply(home.reads());
  }

  /** The loaded config; task endpoints answer 503 with its problems while it does not load. */
  RunnerConfig tasksConfig() {
    WebHome.Loaded loaded = home.loaded();
    if (!loaded.valid()) {
      throw ApiProblem.config(
          503,
          ApiProblem.CONFIG_INVALID,
          "The configuration does not load; no task runs until it is fixed",
          loaded.problems());
    }
    return loaded.config();
  }

  private ZoneId zone() {
    return home.loaded().config().settings().zone();
  }

  void health(Call call) throws IOException {
    call.json(200, Map.of("status", "ok"));
  }

  /** {@code GET /api/v1/openapi.json}: the document in the jar, which OpenApiIT keeps true. */
  void openapi(Call call) throws IOException {
    try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
      call.fromJar("application/json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** {@code GET /api/v1/tasks}: {@code runner list --json}. */
  void tasks(Call call) throws IOException {
    RunnerConfig config = tasksConfig();
    call.json(
        200,
        TaskJson.of(read(store -> TaskRows.read(config, store, now())), config.settings().zone()));
  }

  /** {@code GET /api/v1/tasks/{name}}: its row, next fires, last run and runs under way. */
  void task(Call call) throws IOException {
    call.json(200, taskDetail(call.path.get(3)));
  }

  /** What {@code GET /api/v1/tasks/{name}} answers; the config editor answers it too. */
  Object taskDetail(String name) {
    RunnerConfig config = tasksConfig();
    Optional<TaskDetail> detail = read(store -> TaskDetail.read(config, store, name, now()));
    if (detail.isEmpty()) {
      throw unknownTask(config, name);
    }
    return TaskJson.detail(detail.get(), config.settings().zone());
  }

  static ApiProblem unknownTask(RunnerConfig config, String name) {
    String hint = Suggest.didYouMean(name, config.names());
    return ApiProblem.of(
        404,
        ApiProblem.UNKNOWN_TASK,
        "No such task",
        "no task named \""
            + name
            + "\" in "
            + config.file().getFileName()
            + (hint != null ? "; " + hint : "; GET /api/v1/tasks lists them"));
  }

  /**
   * {@code POST /api/v1/tasks/{name}/run}: claims a run as {@code runner run} does and answers
   * {@code 202 {"run_id": N}} at once, while it runs.
   */
  void run(Call call) throws IOException {
    RunnerConfig config = tasksConfig();
    String name = call.path.get(3);
    Optional<InvalidTask> invalid = config.invalidTask(name);
    if (invalid.isPresent()) {
      throw ApiProblem.config(
          422,
          ApiProblem.TASK_INVALID,
          name + " is invalid and does not run until fixed",
          invalid.get().problems());
    }
    TaskDef task = config.task(name).orElseThrow(() -> unknownTask(config, name));
    if (task.window() != null) {
      throw ApiProblem.of(
          422,
          ApiProblem.WINDOW_TASK,
          "A window task does not run by hand",
          name
              + " is a window task: its windows run in order on schedule; to run a range now:"
              + " runner backfill "
              + name
              + " --from ISO --to ISO");
    }
    RunBody body = RunBody.parse(call.body());
    long id;
    try {
      id = home.submit(Engine.Request.manual(task, body.params(), !body.noDeps()));
    } catch (BusyException e) {
      throw ApiProblem.of(409, ApiProblem.TASK_BUSY, "The task is running", e.getMessage());
    } catch (ElsewhereException e) {
      throw ApiProblem.of(
          409, ApiProblem.ELSEWHERE, "The task runs on other hosts", e.getMessage());
    }
    call.exchange.getResponseHeaders().set("Location", "/api/v1/runs/" + id);
    call.json(202, Map.of("run_id", id));
  }

  /** What run-now's body may say: {@code {"params": {...}, "no_deps": false}}, both optional. */
  record RunBody(Map<String, String> params, boolean noDeps) {

    static RunBody parse(String text) {
      JsonBody body = JsonBody.parse(text, List.of("params", "no_deps"));
      Map<String, String> params = new LinkedHashMap<>();
      if (body.get("params") != null) {
        if (!(body.get("params") instanceof Map<?, ?> map)) {
          throw JsonBody.bad("params must be an object of names to values");
        }
        map.forEach(
            (k, v) -> {
              if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
                throw JsonBody.bad("params." + k + " must be a string, number or boolean");
              }
              params.put(String.valueOf(k), scalar(v));
            });
      }
      Object noDeps = body.get("no_deps");
      if (noDeps != null && !(noDeps instanceof Boolean)) {
        throw JsonBody.bad("no_deps must be true or false");
      }
      return new RunBody(params, Boolean.TRUE.equals(noDeps));
    }

    /** A number keeps the form JSON gave it: 3, not 3.0. */
    private static String scalar(Object value) {
      if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
        return Long.toString(d.longValue());
      }
      return value.toString();
    }
  }

  /** {@code GET /api/v1/runs}: {@code runner history --json}, a page at a time, with its total. */
  void runs(Call call) throws IOException {
    ZoneId zone = zone();
    int limit = call.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int page = call.intParam("page", 1, 1, Integer.MAX_VALUE / MAX_LIMIT);
    Set<RunStatus> statuses;
    try {
      statuses = History.statuses(call.list("status"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.parameter("status", e.getMessage());
    }
    Set<Trigger> triggers;
    try {
      triggers = History.triggers(call.list("trigger"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.parameter("trigger", e.getMessage());
    }
    Instant since = instant(call, "since", zone);
    Instant until = instant(call, "until", zone);
    HistoryQuery query =
        History.page(call.param("task"), statuses, triggers, since, until, limit, page);
    Map<String, Object> out =
        read(
            store -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put(
                  "items", store.history(query).stream().map(r -> RunJson.of(r, zone)).toList());
              body.put("page", page);
              body.put("limit", limit);
              body.put("total", store.countHistory(query));
              return body;
            });
    call.json(200, out);
  }

  /** An ISO-8601 date-time (with offset, or in the home's zone), or an age before now: 2d, 6h. */
  private Instant instant(Call call, String name, ZoneId zone) {
    String text = call.param(name);
    if (text == null) {
      return null;
    }
    try {
      Duration age = Durations.parse(text);
      return now().minus(age);
    } catch (IllegalArgumentException notAnAge) {
      try {
        return DateTimeText.parse(text).toInstant(zone);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw ApiProblem.parameter(
            name, "\"" + text + "\" is neither an ISO-8601 date-time nor an age such as 2d");
      }
    }
  }

  /** The run id of {@code /api/v1/runs/{id}...}; 404 when it is no number. */
  static long runId(Call call) {
    String text = call.path.get(3);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiProblem.http(404, "no run with id \"" + text + "\": a run's id is a number");
    }
  }

  private RunDetail detail(Call call) {
    long id = runId(call);
    RunnerConfig settings = home.loaded().config();
    return read(store -> RunDetail.read(store, settings.settings(), id))
        .orElseThrow(() -> ApiProblem.http(404, "no run with id " + id));
  }

  /** {@code GET /api/v1/runs/{id}}: the run as history has it, and whether its log can be read. */
  void runDetail(Call call) throws IOException {
    RunDetail detail = detail(call);
    Map<String, Object> out = RunJson.of(detail.row(), zone());
    out.put(
        "log_available",
        Files.exists(detail.logFile()) || detail.message().outputTail().isPresent());
    call.json(200, out);
  }

  /**
   * {@code GET /api/v1/runs/{id}/log}: the run's log file as text (masked when written, and again
   * here with the secrets known now), or the output's tail kept in its message when the file is
   * gone; 404 when it has neither.
   */
  void log(Call call) throws IOException {
    RunDetail detail = detail(call);
    String follow = call.param("follow");
    if (follow != null && !follow.equals("0") && !follow.equals("false")) {
      logs.follow(call, detail);
      return;
    }
    RunRecord run = detail.row();
    BufferedReader in;
    try {
      in = Files.newBufferedReader(detail.logFile(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      Optional<String> tail = detail.message().outputTail();
      if (tail.isPresent()) {
        call.text(200, tail.get().endsWith("\n") ? tail.get() : tail.get() + "\n");
        return;
      }
      String status = run.status().dbName();
      throw ApiProblem.http(
          404,
          "run "
              + run.id()
              + " ("
              + run.taskName()
              + ", "
              + status
              + ") "
              + switch (status) {
                case "skipped" -> "was skipped and never ran";
                case "running" -> "has printed nothing yet";
                default -> "printed nothing";
              });
    }
    try (in) {
      call.exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      call.exchange.sendResponseHeaders(200, 0); // in pieces: a log may be larger than memory
      try (OutputStream body = call.exchange.getResponseBody();
          Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
        var redactor = home.redactor();
        String line;
        while ((line = in.readLine()) != null) {
          out.write(redactor.redact(line));
          out.write('\n');
        }
      }
    }
  }

  /** {@code GET /api/v1/stats}: {@code runner stats --json}. */
  void stats(Call call) throws IOException {
    int days = call.intParam("days", 7, 1, 36_500);
    String task = call.param("task");
    Instant since = now().minus(Duration.ofDays(days));
    List<TaskStats> stats =
        read(
            store ->
                TaskStats.of(
                    store.outcomesSince(task, since, 1_000_000),
                    zone(),
                    LocalDate.ofInstant(now(), zone()),
                    days));
    call.json(200, StatsJson.of(stats, zone()));
  }

  /** {@code GET /api/v1/hosts}: {@code runner hosts --json}. */
  void hosts(Call call) throws IOException {
    RunnerConfig config = home.loaded().config();
    List<Store.HostSeen> hosts = read(store -> store.hosts(config.settings().deadAfter()));
    call.json(200, HostsJson.of(hosts, zone()));
  }

  /** {@code GET /api/v1/status}: {@code runner status --json}, a refused config's problems too. */
  void status(Call call) throws IOException {
    WebHome.Loaded loaded = home.loaded();
    ZoneId zone = loaded.config().settings().zone();
    Instant at = now();
    HomeStatus status =
        read(
            store ->
                StatusReader.of(loaded.config().settings())
                    .read(store, loaded.config(), loaded.problems(), at));
    call.json(200, StatusReport.json(status, zone));
  }
}
