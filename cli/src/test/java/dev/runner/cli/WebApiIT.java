package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.Json;
import dev.runner.store.NewRun;
import dev.runner.store.RunEnd;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read API of {@code runner web} over real HTTP on loopback, against the packaged jar and a
 * home whose history has 120 rows: every read endpoint, its paging and filters, and its errors.
 */
class WebApiIT {

  @TempDir static Path home;

  static WebProcess web;

  static final Instant FIRST = Instant.parse("2026-11-01T00:00:00Z");

  /** Rows 1..120 of hello, a minute apart; every fourth a failure, every tenth by hand. */
  @BeforeAll
  static void seed() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    jar.config(
        """
        {"hello": {"type": "shell", "cron": "0 9 * * *", "command": "echo hi",
                   "description": "says hi"},
         "other": {"type": "shell", "every": "1h", "command": "true"},
         "broken": {"type": "shell", "every": "1x", "command": "true"}}
        """);
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      for (int i = 0; i < 120; i++) {
        Instant at = FIRST.plusSeconds(60L * i);
        Trigger trigger = i % 10 == 9 ? Trigger.MANUAL : Trigger.SCHEDULE;
        RunStatus status =
            i % 4 == 3
                ? (i % 8 == 3 ? RunStatus.TECHNICAL_FAILURE : RunStatus.TIMEOUT)
                : RunStatus.SUCCESS;
        long id =
            store.inTransaction(
                tx ->
                    tx.insert(
                            new NewRun("hello", RunStatus.RUNNING, at, at, trigger, 1, "{}"),
                            "h",
                            1)
                        .orElseThrow());
        String message =
            "{\"exit_code\":"
                + (status == RunStatus.SUCCESS ? 0 : 1)
                + ",\"output_tail\":\"line "
                + id
                + "\"}";
        store.finish(id, new RunEnd(status, at, at.plusSeconds(2), 2.0, message, true));
      }
    }
    Path log = Files.createDirectories(home.resolve("logs/runs/hello")).resolve("120.log");
    Files.writeString(log, "first line\nsecond line\n");
    web = WebProcess.start(jar);
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.close();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(HttpResponse<String> response) {
    return (Map<String, Object>) longs(Json.parseObject(response.body()));
  }

  /** Whole numbers as longs, however small: the assertions say 120L. */
  static Object longs(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, longs(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(WebApiIT::longs).toList();
    }
    return value;
  }

  static List<Map<String, Object>> array(HttpResponse<String> response) {
    return array(response.body());
  }

  /** A JSON array of objects, as an answer or a command's --json has it. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> array(String json) {
    return (List<Map<String, Object>>) longs(Json.parseObject("{\"a\": " + json + "}").get("a"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(HttpResponse<String> response) {
    return (List<Map<String, Object>>) object(response).get("items");
  }

  static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json; charset=utf-8");
    Map<String, Object> problem = object(response);
    assertThat(problem).containsKeys("type", "title", "status", "detail");
    assertThat(((Number) problem.get("status")).intValue()).isEqualTo(status);
    assertThat((String) problem.get("detail")).contains(detail);
  }

  @Test
  void healthz_answers_ok_with_the_headers_every_answer_has() throws Exception {
    HttpResponse<String> health = web.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(health.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void tasks_answer_what_list_json_prints() throws Exception {
    HttpResponse<String> tasks = web.get("/api/v1/tasks");
    assertThat(tasks.statusCode()).isEqualTo(200);
    PackagedJar.Ran list = new PackagedJar(home).exec("list", "--json");
    // other's first tick runs it now: its next_run is each one's clock
    assertThat(array(tasks))
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("next_run")
        .isEqualTo(array(list.out()));
    assertThat(array(tasks).get(0).get("next_run"))
        .isEqualTo(array(list.out()).get(0).get("next_run"));
    assertThat(array(tasks))
        .extracting(t -> t.get("name"))
        .containsExactly("hello", "other", "broken");
    assertThat(array(tasks).get(0))
        .containsEntry("successes", 90L)
        .containsEntry("failures", 30L)
        .containsEntry("description", "says hi");
    assertThat(array(tasks).get(2).get("problems").toString()).contains("'1x' is not a duration");
  }

  @Test
  void a_task_answers_its_row_fires_last_run_runs_under_way_fields_neighbours_and_rules()
      throws Exception {
    Map<String, Object> task = object(web.get("/api/v1/tasks/hello"));
    assertThat(task).containsEntry("name", "hello").containsEntry("schedule", "0 9 * * *");
    @SuppressWarnings("unchecked")
    List<String> fires = (List<String>) task.get("next_fires");
    assertThat(fires).hasSize(10).allMatch(f -> f.endsWith("T09:00:00Z"));
    @SuppressWarnings("unchecked")
    Map<String, Object> last = (Map<String, Object>) task.get("last_run");
    assertThat(last).containsEntry("id", 120L).containsEntry("status", "timeout");
    assertThat(task.get("running_runs")).isEqualTo(List.of());
    // what the console's task page shows, so that it need not read the config's text itself
    assertThat(task.get("fields"))
        .isEqualTo(
            Map.of(
                "type", "shell",
                "cron", "0 9 * * *",
                "command", "echo hi",
                "description", "says hi"));
    assertThat(task)
        .containsEntry("upstream", List.of())
        .containsEntry("downstream", List.of())
        .containsEntry("notify", List.of())
        .containsEntry("window", null);

    assertProblem(web.get("/api/v1/tasks/helo"), 404, "did you mean \"hello\"?");
    Map<String, Object> broken = object(web.get("/api/v1/tasks/broken"));
    assertThat(broken.get("problems").toString()).contains("'1x' is not a duration");
    assertThat(broken.get("fields").toString()).contains("every=1x");
    assertThat(broken).containsEntry("notify", null).containsEntry("window", null);
  }

  @Test
  void runs_come_a_page_at_a_time_newest_first_with_the_total() throws Exception {
    HttpResponse<String> first = web.get("/api/v1/runs");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(object(first))
        .containsEntry("page", 1L)
        .containsEntry("limit", 50L)
        .containsEntry("total", 120L);
    assertThat(items(first)).hasSize(50);
    assertThat(items(first).get(0)).containsEntry("id", 120L).containsEntry("task_name", "hello");
    assertThat(items(first).get(0).keySet())
        .startsWith("id", "task_name", "status", "run_time", "duration", "scheduled_for");
    assertThat(items(web.get("/api/v1/runs?page=2")))
        .hasSize(50)
        .first()
        .extracting(r -> r.get("id"))
        .isEqualTo(70L);
    HttpResponse<String> third = web.get("/api/v1/runs?page=3&limit=50");
    assertThat(items(third)).hasSize(20).last().extracting(r -> r.get("id")).isEqualTo(1L);
    assertThat(items(web.get("/api/v1/runs?page=4"))).isEmpty();
    assertThat(items(web.get("/api/v1/runs?limit=500"))).hasSize(120);

    // the same rows and keys as history --json
    PackagedJar.Ran history = new PackagedJar(home).exec("history", "--json", "--limit", "5");
    assertThat(items(web.get("/api/v1/runs?limit=5"))).isEqualTo(array(history.out()));
  }

  @Test
  void runs_filter_by_task_status_trigger_and_a_time_range() throws Exception {
    HttpResponse<String> failed = web.get("/api/v1/runs?status=failed&limit=10");
    assertThat(object(failed)).containsEntry("total", 30L);
    assertThat(items(failed)).hasSize(10).allMatch(r -> !r.get("status").equals("success"));
    assertThat(object(web.get("/api/v1/runs?status=timeout"))).containsEntry("total", 15L);
    assertThat(object(web.get("/api/v1/runs?status=timeout,success"))).containsEntry("total", 105L);
    assertThat(object(web.get("/api/v1/runs?trigger=manual"))).containsEntry("total", 12L);
    assertThat(object(web.get("/api/v1/runs?task=other"))).containsEntry("total", 0L);
    // rows 11..20 started in [00:10, 00:20)
    HttpResponse<String> range =
        web.get("/api/v1/runs?since=2026-11-01T00:10:00Z&until=2026-11-01T00:20:00%2B00:00");
    assertThat(object(range)).containsEntry("total", 10L);
    assertThat(items(range)).extracting(r -> r.get("id")).first().isEqualTo(20L);
  }

  @Test
  void a_malformed_query_parameter_is_refused_by_name() throws Exception {
    assertProblem(web.get("/api/v1/runs?limit=0"), 400, "limit: 0 is not between 1 and 500");
    assertProblem(web.get("/api/v1/runs?limit=501"), 400, "limit: 501");
    assertProblem(web.get("/api/v1/runs?limit=ten"), 400, "limit: \"ten\" is not a whole number");
    assertProblem(web.get("/api/v1/runs?page=0"), 400, "page: 0");
    assertProblem(web.get("/api/v1/runs?status=faild"), 400, "status: unknown status \"faild\"");
    assertProblem(web.get("/api/v1/runs?trigger=cron"), 400, "trigger: unknown trigger");
    assertProblem(web.get("/api/v1/runs?since=yesterday"), 400, "since: \"yesterday\"");
    assertProblem(web.get("/api/v1/runs?until=2026-13-01"), 400, "until:");
    assertProblem(web.get("/api/v1/stats?days=0"), 400, "days: 0");
  }

  @Test
  void a_run_answers_as_history_has_it_and_whether_its_log_can_be_read() throws Exception {
    Map<String, Object> run = object(web.get("/api/v1/runs/120"));
    assertThat(run).containsEntry("id", 120L).containsEntry("log_available", true);
    assertThat(run.get("message")).isEqualTo(Map.of("exit_code", 1L, "output_tail", "line 120"));
    assertProblem(web.get("/api/v1/runs/999"), 404, "no run with id 999");
    assertProblem(web.get("/api/v1/runs/abc"), 404, "a run's id is a number");
  }

  @Test
  void a_runs_log_is_its_file_or_the_tail_its_history_kept() throws Exception {
    HttpResponse<String> file = web.get("/api/v1/runs/120/log");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(file.body()).isEqualTo("first line\nsecond line\n");
    HttpResponse<String> tail = web.get("/api/v1/runs/7/log");
    assertThat(tail.statusCode()).isEqualTo(200);
    assertThat(tail.body()).isEqualTo("line 7\n");
    assertProblem(web.get("/api/v1/runs/999/log"), 404, "no run with id 999");
  }

  @Test
  void stats_and_status_answer_what_their_commands_print() throws Exception {
    HttpResponse<String> stats = web.get("/api/v1/stats?days=36500&task=hello");
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(array(stats))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s)
                  .containsEntry("task", "hello")
                  .containsEntry("runs", 120L)
                  .containsEntry("success_rate", 0.75);
            });
    PackagedJar.Ran cli = new PackagedJar(home).exec("stats", "--json", "--days", "36500");
    assertThat(array(web.get("/api/v1/stats?days=36500"))).isEqualTo(array(cli.out()));

    Map<String, Object> status = object(web.get("/api/v1/status"));
    assertThat(status.keySet())
        .containsExactly(
            "now",
            "last_pass",
            "daemon",
            "running",
            "failing",
            "retries",
            "state_ahead",
            "problems",
            "invalid",
            "attention");
    assertThat(status.get("failing").toString()).contains("task=hello").contains("status=timeout");
    assertThat(status.get("invalid").toString()).contains("broken");
  }

  @Test
  void an_unknown_path_is_404_and_a_wrong_method_405_with_allow() throws Exception {
    assertProblem(web.get("/api/v1/nothing"), 404, "no such path: /api/v1/nothing");
    assertProblem(web.get("/api/v1/tasks/hello/run"), 405, "GET is not allowed here");
    assertThat(web.get("/api/v1/tasks/hello/run").headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> delete = web.send(web.request("/api/v1/runs/1").DELETE());
    assertProblem(delete, 405, "DELETE is not allowed");
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void a_host_that_is_not_loopback_is_refused_as_dns_rebinding_would_send_it() throws Exception {
    // the JDK client will not set Host itself; a raw request does
    try (var socket = new java.net.Socket(web.url.getHost(), web.url.getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /api/v1/tasks HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer)
          .startsWith("HTTP/1.1 403")
          .contains("Host not allowed")
          .doesNotContain("hello");
    }
  }

  @Test
  void a_log_is_found_by_its_run_id_only_so_no_path_leads_out_of_the_logs() throws Exception {
    for (String path :
        List.of(
            "/api/v1/runs/..%2F..%2F..%2Fetc%2Fpasswd/log",
            "/api/v1/runs/1%2F..%2F..%2Ftask_log.db/log",
            "/api/v1/runs/..%2Ftasks_config.json/log",
            "/api/v1/runs/%2e%2e/log",
            "/api/v1/runs/../../tasks_config.json",
            "/api/v1/runs/1/../../../tasks_config.json")) {
      HttpResponse<String> refused = web.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).as(path).doesNotContain("root:").doesNotContain("\"hello\": {");
    }
  }
}
