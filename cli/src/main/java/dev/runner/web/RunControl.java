package dev.runner.web;

import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskDef;
import dev.runner.engine.BusyException;
import dev.runner.engine.ElsewhereException;
import dev.runner.engine.Engine;
import dev.runner.query.BackfillPlan;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.Durations;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints that act on runs under way or to come: {@code POST /api/v1/runs/{id}/cancel}
 * (through {@code Engine.cancel}, the one cancel path, which {@code runner cancel} takes too) and
 * {@code POST /api/v1/tasks/{name}/backfill} (the windows {@code runner backfill} would run,
 * claimed at once and run in order in the home's pool).
 */
final class RunControl {

  static final String RUN_NOT_RUNNING = "urn:runner:problem:run-not-running";
  static final String BAD_RANGE = "urn:runner:problem:bad-range";
  static final String NOTHING_TO_DO = "urn:runner:problem:nothing-to-do";
  static final String NOT_A_WINDOW_TASK = "urn:runner:problem:not-a-window-task";

  private final WebHome home;
  private final Api api;

  RunControl(WebHome home, Api api) {
    this.home = home;
    this.api = api;
  }

  /** {@code 202 {"run_id", "status": "cancelling"}}; 409 when it is not running; 404. */
  void cancel(Call call) throws IOException {
    long id = Api.runId(call);
    Engine.Cancel cancel = home.engine().cancel(id);
    switch (cancel.result()) {
      case UNKNOWN -> throw ApiProblem.http(404, "no run with id " + id);
      case NOT_RUNNING ->
          throw ApiProblem.of(
              409,
              RUN_NOT_RUNNING,
              "The run is not running",
              "run "
                  + id
                  + " ("
                  + cancel.run().taskName()
                  + ") ended "
                  + cancel.run().status().dbName()
                  + "; only a running run can be cancelled");
      case REQUESTED, RECORDED -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", id);
        body.put("status", "cancelling");
        call.exchange.getResponseHeaders().set("Location", "/api/v1/runs/" + id);
        call.json(202, body);
      }
    }
  }

  /**
   * {@code POST /api/v1/tasks/{name}/backfill} {@code {"from", "to"}}, or {@code {}} for the
   * windows from the end of the last successful one up to now: {@code 202 {"run_ids": [...]}}.
   */
  void backfill(Call call) throws IOException {
    RunnerConfig config = api.tasksConfig();
    String name = call.path.get(3);
    TaskDef task = config.task(name).orElseThrow(() -> Api.unknownTask(config, name));
    if (task.windowSize() == null) {
      throw ApiProblem.of(
          422,
          NOT_A_WINDOW_TASK,
          "Not a window task",
          name
              + " has no \"window\"; backfill is for window tasks; POST /api/v1/tasks/"
              + name
              + "/run starts a run of it");
    }
    Range range = Range.parse(call.body());
    Instant now = home.clock().instant();
    boolean resume = range.from() == null; // from the last window's end: the schedule moves on
    Instant from = range.from() != null ? range.from().toInstant(task.zone()) : lastEnd(task);
    Instant to = range.to() != null ? range.to().toInstant(task.zone()) : now;
    if (!from.isBefore(to)) {
      throw ApiProblem.of(
          422,
          BAD_RANGE,
          "Bad range",
          "from ("
              + DateTimeText.iso(from, task.zone())
              + ") must be before to ("
              + DateTimeText.iso(to, task.zone())
              + ")");
    }
    BackfillPlan plan = BackfillPlan.of(from, to, task.windowSize());
    if (plan.windows().isEmpty()) {
      throw ApiProblem.of(
          422,
          NOTHING_TO_DO,
          "Nothing to backfill",
          "no whole window of "
              + Durations.format(task.windowSize())
              + " fits between "
              + DateTimeText.iso(from, task.zone())
              + " and "
              + DateTimeText.iso(to, task.zone()));
    }
    Engine.Backfill started;
    try {
      started = home.backfill(task, plan.windows(), resume);
    } catch (BusyException e) {
      throw ApiProblem.of(409, ApiProblem.TASK_BUSY, "The task is running", e.getMessage());
    } catch (ElsewhereException e) {
      throw ApiProblem.of(
          409, ApiProblem.ELSEWHERE, "The task runs on other hosts", e.getMessage());
    }
    call.json(202, Map.of("run_ids", started.runIds()));
  }

  /** Where the last successful window ended (the task's next window), else its first window. */
  private Instant lastEnd(TaskDef task) {
    Instant from = BackfillPlan.resumeFrom(task, home.reads().states().get(task.name()));
    if (from != null) {
      return from;
    }
    throw ApiProblem.of(
        422,
        NOTHING_TO_DO,
        "No window has run yet",
        task.name()
            + " has run no window and its config names no window.start; give {\"from\", \"to\"}");
  }

  /** The body: {@code from} and {@code to}, ISO-8601 (with an offset, or in the task's zone). */
  record Range(DateTimeText from, DateTimeText to) {

    static Range parse(String text) {
      JsonBody body = JsonBody.parse(text, List.of("from", "to"));
      return new Range(time("from", body.get("from")), time("to", body.get("to")));
    }

    private static DateTimeText time(String name, Object value) {
      if (value == null) {
        return null;
      }
      if (!(value instanceof String text)) {
        throw JsonBody.bad(name + " must be an ISO-8601 date-time string");
      }
      try {
        return DateTimeText.parse(text);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw JsonBody.bad(name + ": \"" + text + "\" is not an ISO-8601 date-time");
      }
    }
  }
}
