package dev.runner.cli;

import static dev.runner.cli.WebApiIT.assertProblem;
import static dev.runner.cli.WebApiIT.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.Json;
import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live parts of {@code runner web} against the packaged jar over real HTTP: cancel (of a run of
 * the web and of one owned by another process), a log followed as server-sent events, the event
 * stream, and backfill.
 */
class WebLiveIT {

  static final String SECRET = "s3cr3t-Live-9191";

  @TempDir Path home;

  PackagedJar jar() throws Exception {
    Path gate = home.resolve("gate");
    assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
    Files.writeString(home.resolve(".env"), "API_TOKEN=" + SECRET + "\n");
    Files.setPosixFilePermissions(
        home.resolve(".env"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    PackagedJar jar = new PackagedJar(home);
    jar.config(config(true));
    return jar;
  }

  String config(boolean quickEnabled) {
    return """
        {"held": {"type": "shell", "command": "sleep 300 & echo $! > CHILD; wait"},
         "talk": {"type": "shell", "command": "echo one; read w < GATE; echo $w; echo key $API_TOKEN"},
         "quick": {"type": "shell", "command": "echo hi", "enabled": QUICK},
         "win": {"type": "shell", "every": "15m", "window": true,
                 "command": "echo $RUNNER_WINDOW_START"}}
        """
        .replace("CHILD", home.resolve("child.pid").toString())
        .replace("GATE", home.resolve("gate").toString())
        .replace("QUICK", Boolean.toString(quickEnabled));
  }

  static long runId(HttpResponse<String> started) {
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return ((Number) object(started).get("run_id")).longValue();
  }

  String status(WebProcess web, long id) throws Exception {
    return (String) object(web.get("/api/v1/runs/" + id)).get("status");
  }

  /** The pid of the task's sleep, once the shell has written it. */
  long child() throws Exception {
    Path file = home.resolve("child.pid");
    PackagedJar.awaitTrue(
        "the task's child to start",
        Duration.ofSeconds(30),
        () -> {
          try {
            return Files.exists(file) && Files.readString(file).strip().matches("[0-9]+");
          } catch (java.io.IOException e) {
            return false;
          }
        });
    return Long.parseLong(Files.readString(file).strip());
  }

  static void awaitGone(long pid) throws InterruptedException {
    PackagedJar.awaitTrue(
        "process " + pid + " to end",
        Duration.ofSeconds(30),
        () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
  }

  void awaitStatus(WebProcess web, long id, String wanted) throws InterruptedException {
    PackagedJar.awaitTrue(
        "run " + id + " to be " + wanted,
        Duration.ofSeconds(30),
        () -> {
          try {
            return status(web, id).equals(wanted);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void cancel_stops_a_run_of_the_web_with_its_process_group_and_records_it_cancelled()
      throws Exception {
    PackagedJar jar = jar();
    try (WebProcess web = WebProcess.start(jar)) {
      long id = runId(web.post("/api/v1/tasks/held/run", "{}"));
      long sleep = child();

      HttpResponse<String> cancel = web.post("/api/v1/runs/" + id + "/cancel", "{}");

      assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
      assertThat(object(cancel)).isEqualTo(Map.of("run_id", id, "status", "cancelling"));
      awaitStatus(web, id, "cancelled");
      awaitGone(sleep);
      assertProblem(web.post("/api/v1/runs/" + id + "/cancel", "{}"), 409, "ended cancelled");
      assertProblem(web.post("/api/v1/runs/9999/cancel", "{}"), 404, "no run with id 9999");
      assertProblem(web.post("/api/v1/runs/abc/cancel", "{}"), 404, "a run's id is a number");
      // a cancel is no failure
      assertThat(object(web.get("/api/v1/runs?status=failed")).get("total")).isEqualTo(0L);
      assertThat(object(web.get("/api/v1/runs?status=cancelled")).get("total")).isEqualTo(1L);
      PackagedJar.Ran history = jar.exec("history", "--task", "held");
      assertThat(history.out()).contains("cancelled");
    }
  }

  @Test
  void cancel_stops_a_run_owned_by_a_separate_runner_run_process() throws Exception {
    PackagedJar jar = jar();
    Process run = jar.start("run", "held");
    try (WebProcess web = WebProcess.start(jar)) {
      long sleep = child();
      long id = jar.rows("held").get(0).id();
      assertThat(jar.rows("held").get(0).pid()).isEqualTo(run.pid());

      HttpResponse<String> cancel = web.post("/api/v1/runs/" + id + "/cancel", "{}");

      assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
      awaitStatus(web, id, "cancelled");
      awaitGone(sleep);
      assertThat(run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(run.exitValue()).as("runner run X && next must not go on").isEqualTo(1);
      RunRecord row = jar.rows("held").get(0);
      assertThat(row.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(row.message()).contains("cancelled by request");
    } finally {
      run.destroyForcibly();
    }
  }

  @Test
  void a_run_of_crons_tick_is_cancelled_from_the_web_and_the_tick_ends() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"long": {"type": "shell", "cron": "* * * * *",
                  "command": "sleep 300 & echo $! > CHILD; wait"}}
        """
            .replace("CHILD", home.resolve("child.pid").toString()));
    assertThat(jar.run("tick", "--now", "2026-11-23T09:59:30Z")).isZero();
    Process tick = jar.start("tick", "--now", "2026-11-23T10:00:00Z");
    try (WebProcess web = WebProcess.start(jar)) {
      long sleep = child();
      long id = jar.rows("long").get(0).id();

      assertThat(web.post("/api/v1/runs/" + id + "/cancel", "{}").statusCode()).isEqualTo(202);

      assertThat(tick.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(tick.exitValue()).as("a cancel is no failure of the tick").isZero();
      awaitGone(sleep);
      assertThat(jar.rows("long").get(0).status()).isEqualTo(RunStatus.CANCELLED);
    } finally {
      tick.destroyForcibly();
    }
  }

  @Test
  void runner_cancel_stops_a_run_of_the_web_and_says_how_it_ended() throws Exception {
    PackagedJar jar = jar();
    try (WebProcess web = WebProcess.start(jar)) {
      long id = runId(web.post("/api/v1/tasks/held/run", "{}"));
      long sleep = child();

      PackagedJar.Ran cancel = jar.exec("cancel", Long.toString(id), "--wait");

      assertThat(cancel.code()).as(cancel.toString()).isZero();
      assertThat(cancel.out())
          .contains("run " + id + " (held): cancelling")
          .contains("run " + id + " (held): cancelled");
      awaitGone(sleep);
      PackagedJar.Ran again = jar.exec("cancel", Long.toString(id));
      assertThat(again.code()).isEqualTo(2);
      assertThat(again.err()).contains("is not running: it ended cancelled");
    }
  }

  @Test
  void a_followed_log_sends_each_line_as_it_is_written_then_the_end() throws Exception {
    PackagedJar jar = jar();
    try (WebProcess web = WebProcess.start(jar)) {
      long id = runId(web.post("/api/v1/tasks/talk/run", "{}"));
      try (SseClient log = SseClient.open(web, "/api/v1/runs/" + id + "/log?follow=1")) {
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.contentType()).startsWith("text/event-stream");
        assertThat(log.await("the first line", e -> e.name().equals("line")).data())
            .isEqualTo("one");
        assertThat(status(web, id)).as("still waiting on the fifo").isEqualTo("running");

        Files.writeString(home.resolve("gate"), "two\n");

        List<SseClient.Event> rest = log.untilEnd();
        assertThat(rest)
            .containsExactly(
                new SseClient.Event("line", "two"),
                new SseClient.Event("line", "key ***"),
                new SseClient.Event("end", "{\"status\":\"success\"}"));
      }
      // an ended run: every line, then the end, at once
      try (SseClient log = SseClient.open(web, "/api/v1/runs/" + id + "/log?follow=1")) {
        assertThat(log.untilEnd())
            .extracting(SseClient.Event::data)
            .containsExactly("one", "two", "key ***", "{\"status\":\"success\"}");
      }
      assertThat(web.get("/api/v1/runs/" + id + "/log").body()).isEqualTo("one\ntwo\nkey ***\n");
    }
  }

  @Test
  void events_tell_runs_of_the_web_and_of_another_process_and_config_changes() throws Exception {
    PackagedJar jar = jar();
    try (WebProcess web = WebProcess.start(jar);
        SseClient events = SseClient.open(web, "/api/v1/events")) {
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.contentType()).startsWith("text/event-stream");
      events.await("the stream's first comment", e -> e.name().equals(":"));
      // the poller looks once a second: a run started now may not be seen until the next look
      long fromWeb = runId(web.post("/api/v1/tasks/quick/run", "{}"));
      Map<String, Object> started = data(events.await("run_started", named("run_started")));
      assertThat(started)
          .isEqualTo(Map.of("run_id", fromWeb, "task", "quick", "trigger", "manual"));
      assertThat(data(events.await("run_ended", named("run_ended"))))
          .isEqualTo(Map.of("run_id", fromWeb, "task", "quick", "status", "success"));

      PackagedJar.Ran other = jar.exec("run", "quick");
      assertThat(other.code()).as(other.toString()).isZero();
      long otherId = jar.rows("quick").get(0).id();
      assertThat(otherId).isGreaterThan(fromWeb);
      assertThat(data(events.await("run_started", named("run_started"))))
          .containsEntry("run_id", otherId);
      assertThat(data(events.await("run_ended", named("run_ended"))))
          .containsEntry("run_id", otherId)
          .containsEntry("status", "success");

      jar.config(config(false));
      assertThat(data(events.await("task_switched", named("task_switched"))))
          .isEqualTo(Map.of("task", "quick", "enabled", false));
      events.await("config_reloaded", named("config_reloaded"));

      jar.config("{\"quick\": {\"type\": \"shell\",");
      Map<String, Object> invalid = data(events.await("config_invalid", named("config_invalid")));
      assertThat(invalid.get("problems").toString()).contains("line=1");
    }
  }

  @Test
  void fifty_event_streams_at_once_leave_the_api_answering() throws Exception {
    PackagedJar jar = jar();
    try (WebProcess web = WebProcess.start(jar)) {
      List<SseClient> streams = new ArrayList<>();
      try {
        for (int i = 0; i < 50; i++) {
          SseClient stream = SseClient.open(web, "/api/v1/events");
          assertThat(stream.status()).isEqualTo(200);
          streams.add(stream);
        }
        // more streams than the server's 8 HTTP threads, and still every request is answered
        for (int i = 0; i < 10; i++) {
          assertThat(web.get("/api/v1/tasks").statusCode()).isEqualTo(200);
        }
        long id = runId(web.post("/api/v1/tasks/quick/run", "{}"));
        for (SseClient stream : streams) {
          assertThat(data(stream.await("run_ended", named("run_ended"))))
              .containsEntry("run_id", id);
        }
      } finally {
        streams.forEach(SseClient::close);
      }
    }
  }

  @Test
  void backfill_starts_the_windows_of_a_range_in_order_and_refuses_what_it_cannot()
      throws Exception {
    PackagedJar jar = jar();
    try (WebProcess web = WebProcess.start(jar)) {
      HttpResponse<String> started =
          web.post(
              "/api/v1/tasks/win/backfill",
              "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-01T01:00:00Z\"}");

      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      List<?> ids = (List<?>) object(started).get("run_ids");
      assertThat(ids).hasSize(4);
      for (Object id : ids) {
        awaitStatus(web, ((Number) id).longValue(), "success");
      }
      List<RunRecord> rows = new ArrayList<>(jar.rows("win"));
      java.util.Collections.reverse(rows);
      assertThat(rows)
          .extracting(r -> r.windowStart().toString())
          .containsExactly(
              "2026-01-01T00:00:00Z",
              "2026-01-01T00:15:00Z",
              "2026-01-01T00:30:00Z",
              "2026-01-01T00:45:00Z");
      assertThat(rows).allSatisfy(r -> assertThat(r.trigger().dbName()).isEqualTo("backfill"));
      assertThat(web.get("/api/v1/runs/" + ids.get(0) + "/log").body())
          .isEqualTo("2026-01-01T00:00:00Z\n");

      assertProblem(web.post("/api/v1/tasks/quick/backfill", "{}"), 422, "has no \"window\"");
      assertProblem(web.post("/api/v1/tasks/wim/backfill", "{}"), 404, "did you mean \"win\"?");
      assertProblem(
          web.post(
              "/api/v1/tasks/win/backfill",
              "{\"from\": \"2026-01-01T01:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}"),
          422,
          "must be before to");
      assertProblem(
          web.post(
              "/api/v1/tasks/win/backfill",
              "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-01T00:10:00Z\"}"),
          422,
          "no whole window of 15m");
      assertProblem(
          web.post("/api/v1/tasks/win/backfill", "{\"form\": \"2026-01-01T00:00:00Z\"}"),
          400,
          "did you mean \"from\"?");
      assertProblem(
          web.post("/api/v1/tasks/win/backfill", "{\"from\": \"yesterday\"}"),
          400,
          "not an ISO-8601 date-time");
    }
  }

  static java.util.function.Predicate<SseClient.Event> named(String name) {
    return e -> e.name().equals(name);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(SseClient.Event event) {
    return (Map<String, Object>) WebApiIT.longs(Json.parseObject(event.data()));
  }
}
