package dev.runner.cli;

import static dev.runner.cli.WebApiIT.assertProblem;
import static dev.runner.cli.WebApiIT.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.store.RunRecord;
import dev.runner.store.RunStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting runs through {@code runner web}, its guards against other sites, its config read again
 * on a change, its secrets kept out of every answer, its stop, and that nothing of it loads in the
 * other commands: the packaged jar over real HTTP.
 */
class WebRunIT {

  static final String SECRET = "s3cr3t-Token-4242";

  @TempDir Path home;

  /** A home whose task {@code gated} waits on a fifo until the test writes to it. */
  PackagedJar gatedHome() throws Exception {
    Path gate = home.resolve("gate");
    assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
    Files.writeString(home.resolve(".env"), "API_TOKEN=" + SECRET + "\n");
    Files.setPosixFilePermissions(
        home.resolve(".env"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"gated": {"type": "shell", "command": "read word < GATE; echo got $word $API_TOKEN",
                   "description": "the token is SECRET"},
         "window": {"type": "shell", "every": "15m", "window": true, "command": "true"},
         "broken": {"type": "shell", "every": "1x", "command": "true"},
         "nas_only": {"type": "shell", "command": "true", "hosts": ["nas-that-is-not-here"]}}
        """
            .replace("GATE", gate.toString())
            .replace("SECRET", SECRET));
    return jar;
  }

  void open(Path gate, String word) throws Exception {
    Files.writeString(gate, word + "\n");
  }

  RunStatus status(WebProcess web, long id) throws Exception {
    return RunStatus.fromDb((String) object(web.get("/api/v1/runs/" + id)).get("status"));
  }

  @Test
  void run_now_answers_202_with_the_run_id_while_the_run_is_still_under_way() throws Exception {
    PackagedJar jar = gatedHome();
    try (WebProcess web = WebProcess.start(jar)) {
      HttpResponse<String> started =
          web.post("/api/v1/tasks/gated/run", "{\"params\": {\"extra\": 7}, \"no_deps\": true}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      long id = ((Number) object(started).get("run_id")).longValue();
      assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/runs/" + id);
      // the answer came while the run waits on the fifo
      assertThat(status(web, id)).isEqualTo(RunStatus.RUNNING);
      Map<String, Object> task = object(web.get("/api/v1/tasks/gated"));
      assertThat(task).containsEntry("running", true);
      assertThat(task.get("running_runs").toString()).contains("id=" + id);

      HttpResponse<String> busy = web.post("/api/v1/tasks/gated/run", "{}");
      assertProblem(busy, 409, "gated is running now");

      open(home.resolve("gate"), "go");
      PackagedJar.awaitTrue("the run to end", Duration.ofSeconds(30), () -> ended(web, id));
      assertThat(status(web, id)).isEqualTo(RunStatus.SUCCESS);
      assertThat(web.get("/api/v1/runs/" + id + "/log").body()).isEqualTo("got go ***\n");
      assertThat(jar.rows("gated"))
          .singleElement()
          .satisfies(r -> assertThat(r.trigger().dbName()).isEqualTo("manual"));
    }
  }

  static boolean ended(WebProcess web, long id) {
    try {
      return !object(web.get("/api/v1/runs/" + id)).get("status").equals("running");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void run_now_refuses_an_unknown_a_window_an_invalid_task_and_a_bad_body() throws Exception {
    PackagedJar jar = gatedHome();
    try (WebProcess web = WebProcess.start(jar)) {
      assertProblem(web.post("/api/v1/tasks/gate/run", "{}"), 404, "did you mean \"gated\"?");
      assertProblem(web.post("/api/v1/tasks/window/run", "{}"), 422, "runner backfill window");
      HttpResponse<String> broken = web.post("/api/v1/tasks/broken/run", "{}");
      assertProblem(broken, 422, "1 problem");
      assertThat(object(broken).get("problems").toString())
          .contains("path=broken.every")
          .contains("line=")
          .contains("column=")
          .contains("hint=");
      assertProblem(
          web.post("/api/v1/tasks/nas_only/run", "{}"),
          409,
          "nas_only runs on nas-that-is-not-here (its hosts)");
      assertThat(jar.rows("nas_only")).isEmpty();
      assertProblem(web.post("/api/v1/tasks/gated/run", "{\"params\": "), 400, "not valid JSON");
      assertProblem(web.post("/api/v1/tasks/gated/run", "[1]"), 400, "expected a JSON object");
      assertProblem(
          web.post("/api/v1/tasks/gated/run", "{\"no-deps\": true}"),
          400,
          "unknown field \"no-deps\"; did you mean \"no_deps\"?");
      assertProblem(
          web.post("/api/v1/tasks/gated/run", "{\"params\": {\"a\": [1]}}"), 400, "params.a");
      assertThat(jar.rows("gated")).isEmpty();
    }
  }

  @Test
  void a_change_without_json_or_from_another_origin_is_forbidden() throws Exception {
    PackagedJar jar = gatedHome();
    try (WebProcess web = WebProcess.start(jar)) {
      // what a form on another site can send without asking: no JSON content type
      HttpResponse<String> form =
          web.send(
              web.request("/api/v1/tasks/gated/run")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("a=1")));
      assertProblem(form, 403, "Content-Type: application/json");
      HttpResponse<String> none =
          web.send(
              web.request("/api/v1/tasks/gated/run").POST(HttpRequest.BodyPublishers.noBody()));
      assertProblem(none, 403, "Content-Type: application/json");
      HttpResponse<String> foreign =
          web.send(
              web.request("/api/v1/tasks/gated/run")
                  .header("Content-Type", "application/json")
                  .header("Origin", "http://evil.example")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertProblem(foreign, 403, "must come from " + web.origin());
      HttpResponse<String> otherPort =
          web.send(
              web.request("/api/v1/tasks/gated/run")
                  .header("Content-Type", "application/json")
                  .header("Origin", "http://127.0.0.1:1")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertProblem(otherPort, 403, "not http://127.0.0.1:1");
      assertThat(jar.rows("gated")).isEmpty();

      HttpResponse<String> own =
          web.send(
              web.request("/api/v1/tasks/gated/run")
                  .header("Content-Type", "application/json; charset=utf-8")
                  .header("Origin", web.origin())
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
      open(home.resolve("gate"), "x");
      long id = ((Number) object(own).get("run_id")).longValue();
      PackagedJar.awaitTrue("the run to end", Duration.ofSeconds(30), () -> ended(web, id));
    }
  }

  @Test
  void a_non_loopback_address_without_a_login_set_up_is_refused_at_start() throws Exception {
    PackagedJar jar = gatedHome();
    PackagedJar.Ran refused = jar.exec("web", "--listen", "0.0.0.0:0");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err())
        .contains("a non-loopback address needs a login")
        .contains("RUNNER_WEB_PASSWORD")
        .contains("runner token create");
    assertThat(refused.out()).isEmpty();
    assertThat(jar.exec("web", "--listen", "127.0.0.1:notaport").err())
        .contains("is not HOST:PORT");
  }

  @Test
  void a_config_that_stops_loading_answers_its_problems_for_tasks_and_history_still()
      throws Exception {
    PackagedJar jar = gatedHome();
    try (WebProcess web = WebProcess.start(jar)) {
      assertThat(web.get("/api/v1/tasks").statusCode()).isEqualTo(200);
      jar.config("{\"gated\": ");
      HttpResponse<String> tasks = web.get("/api/v1/tasks");
      assertProblem(tasks, 503, "1 problem");
      assertThat(object(tasks)).containsEntry("type", "urn:runner:problem:config-invalid");
      assertThat(object(tasks).get("problems").toString()).contains("the file must be valid JSON");
      assertProblem(web.get("/api/v1/tasks/gated"), 503, "problem");
      assertProblem(web.post("/api/v1/tasks/gated/run", "{}"), 503, "problem");
      assertThat(web.get("/api/v1/runs").statusCode()).isEqualTo(200);
      assertThat(web.get("/api/v1/stats").statusCode()).isEqualTo(200);
      assertThat(object(web.get("/api/v1/status")).get("problems").toString())
          .contains("the file must be valid JSON");

      jar.config("{\"fixed\": {\"type\": \"shell\", \"command\": \"true\"}}");
      HttpResponse<String> again = web.get("/api/v1/tasks");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).contains("\"name\":\"fixed\"").doesNotContain("gated");
    }
  }

  @Test
  void no_answer_of_a_crawl_carries_a_secret_value_from_env() throws Exception {
    PackagedJar jar = gatedHome();
    try (WebProcess web = WebProcess.start(jar)) {
      HttpResponse<String> started = web.post("/api/v1/tasks/gated/run", "{}");
      long id = ((Number) object(started).get("run_id")).longValue();
      open(home.resolve("gate"), SECRET); // the run prints it twice
      PackagedJar.awaitTrue("the run to end", Duration.ofSeconds(30), () -> ended(web, id));
      List<String> paths =
          new ArrayList<>(
              List.of(
                  "/",
                  "/healthz",
                  "/api/v1/tasks",
                  "/api/v1/tasks/gated",
                  "/api/v1/tasks/broken",
                  "/api/v1/tasks/" + SECRET,
                  "/api/v1/runs",
                  "/api/v1/runs?task=" + SECRET,
                  "/api/v1/runs?status=" + SECRET,
                  "/api/v1/runs?since=" + SECRET,
                  "/api/v1/runs/" + id,
                  "/api/v1/runs/" + id + "/log",
                  "/api/v1/runs/" + SECRET,
                  "/api/v1/stats",
                  "/api/v1/status",
                  "/" + SECRET));
      List<String> answers = new ArrayList<>();
      for (String path : paths) {
        HttpResponse<String> response = web.get(path);
        // the answer alone: the path asked for may hold the secret itself
        answers.add(response.statusCode() + " " + response.headers().map() + " " + response.body());
      }
      answers.add(web.post("/api/v1/tasks/" + SECRET + "/run", "{}").body());
      answers.add(web.post("/api/v1/tasks/gated/run", "{\"" + SECRET + "\": 1}").body());
      // and every link an answer gives
      Matcher runs = Pattern.compile("\"id\":(\\d+)").matcher(String.join("\n", answers));
      while (runs.find()) {
        answers.add(web.get("/api/v1/runs/" + runs.group(1) + "/log").body());
      }
      assertThat(answers).hasSizeGreaterThan(paths.size());
      assertThat(String.join("\n", answers))
          .contains("got *** ***")
          .contains("the token is ***")
          .doesNotContain(SECRET);
      List<RunRecord> rows = jar.rows("gated");
      assertThat(rows)
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    }
  }

  @Test
  void on_sigterm_a_run_started_here_is_stopped_and_recorded() throws Exception {
    PackagedJar jar = gatedHome();
    WebProcess web = WebProcess.start(jar);
    HttpResponse<String> started = web.post("/api/v1/tasks/gated/run", "{}");
    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(web.stop()).isEqualTo(143); // 128 + SIGTERM, as systemd expects
    assertThat(jar.rows("gated"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.TECHNICAL_FAILURE);
              assertThat(r.message()).contains("stopped: runner was shutting down");
              assertThat(r.endTime()).isNotNull();
            });
  }

  @Test
  void tick_and_list_load_nothing_of_the_web_server() throws Exception {
    PackagedJar jar = gatedHome();
    jar.jvm.add("-Xlog:class+load=info");
    for (String[] command :
        List.of(
            new String[] {"tick"},
            new String[] {"list"},
            new String[] {"history"},
            new String[] {"token", "list"},
            new String[] {"run", "window"})) {
      PackagedJar.Ran ran = jar.exec(command);
      assertThat(ran.out()).as(String.join(" ", command)).contains("dev.runner.");
      assertThat(ran.out())
          .as(String.join(" ", command))
          .doesNotContain("dev.runner.web.")
          .doesNotContain("com.sun.net.httpserver");
    }
    // and the web command does load it: the log is the one that would show it
    Path out = home.resolve("web-classes.txt");
    Process web = jar.start(out, "web", "--listen", "127.0.0.1:0");
    try {
      PackagedJar.awaitTrue(
          "runner web to start",
          Duration.ofSeconds(30),
          () -> WebApiITSupport.read(out).contains("runner web: http://"));
      assertThat(WebApiITSupport.read(out))
          .contains("dev.runner.web.WebServer")
          .contains("com.sun.net.httpserver");
    } finally {
      web.destroy();
      web.waitFor();
    }
  }
}
