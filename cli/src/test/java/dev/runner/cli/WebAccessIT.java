package dev.runner.cli;

import static dev.runner.cli.WebApiIT.assertProblem;
import static dev.runner.cli.WebApiIT.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use {@code runner web}: the packaged jar over real HTTP on a non-loopback address, with
 * API tokens of each scope, the password login, its cookie, CSRF token and limit, a trusted proxy's
 * headers, the audit table, and no secret in any answer, log line or row.
 */
class WebAccessIT {

  static final String PASSWORD = "pw-Horse-Battery-9876";
  static final String API_SECRET = "s3cr3t-Api-4242";

  /** The trust setting's name, as the README gives it. */
  static final String TRUST = "RUNNER_WEB_TRUST_PROXY";

  @TempDir Path home;

  PackagedJar jar(String... envLines) throws Exception {
    StringBuilder env = new StringBuilder("API_TOKEN=" + API_SECRET + "\n");
    for (String line : envLines) {
      env.append(line).append('\n');
    }
    Path file = home.resolve(".env");
    Files.writeString(file, env.toString());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    PackagedJar jar = new PackagedJar(home);
    jar.env.put("USER", "alice");
    jar.config(
        """
        {"quick": {"type": "shell", "command": "echo hi $API_TOKEN",
                   "description": "says SECRET"}}
        """
            .replace("SECRET", API_SECRET));
    return jar;
  }

  static String token(PackagedJar jar, String name, String scope) throws Exception {
    PackagedJar.Ran made = jar.exec("token", "create", name, "--scope", scope);
    assertThat(made.code()).as(made.toString()).isZero();
    return made.out().strip();
  }

  static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
    return request.header("Authorization", "Bearer " + token);
  }

  static HttpResponse<String> get(WebProcess web, String path, String token) throws Exception {
    return web.send(bearer(web.request(path), token).GET());
  }

  static HttpResponse<String> post(WebProcess web, String path, String token) throws Exception {
    return web.send(
        bearer(web.request(path), token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  static HttpResponse<String> login(WebProcess web, String password, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        web.request("/api/v1/login")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + password + "\"}"));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return web.send(request);
  }

  /** The run ended, asked with {@code token}. */
  static void awaitEnd(WebProcess web, HttpResponse<String> started, String token)
      throws Exception {
    long id = ((Number) object(started).get("run_id")).longValue();
    PackagedJar.awaitTrue(
        "run " + id + " to end",
        Duration.ofSeconds(30),
        () -> {
          try {
            return !object(get(web, "/api/v1/runs/" + id, token)).get("status").equals("running");
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void a_non_loopback_address_or_a_trusted_proxy_without_a_login_refuses_to_start()
      throws Exception {
    PackagedJar jar = jar();
    PackagedJar.Ran refused = jar.exec("web", "--listen", "0.0.0.0:0");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err())
        .contains("--listen 0.0.0.0:0: a non-loopback address needs a login")
        .contains("set RUNNER_WEB_PASSWORD in .env")
        .contains("runner token create NAME --scope read|run|admin");
    assertThat(refused.out()).isEmpty();

    jar(TRUST + "=1");
    PackagedJar.Ran proxied = jar.exec("web", "--listen", "127.0.0.1:0");
    assertThat(proxied.code()).as(proxied.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(proxied.err()).contains("RUNNER_WEB_TRUST_PROXY is set");
  }

  @Test
  void tokens_are_needed_and_their_scope_decides_what_they_may_do() throws Exception {
    PackagedJar jar = jar();
    String read = token(jar, "dashboard", "read");
    String run = token(jar, "ci", "run");
    String admin = token(jar, "owner", "admin");
    try (WebProcess web = WebProcess.startOn(jar, "0.0.0.0:0")) {
      HttpResponse<String> none = web.get("/api/v1/tasks");
      assertProblem(none, 401, "send Authorization: Bearer TOKEN");
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"runner\"");
      assertProblem(web.post("/api/v1/tasks/quick/run", "{}"), 401, "log in");
      assertProblem(get(web, "/api/v1/tasks", "rnr_made-up"), 401, "unknown or revoked");
      assertProblem(
          web.send(web.request("/api/v1/tasks").header("Authorization", "Basic eDp5").GET()),
          401,
          "Bearer TOKEN");
      assertThat(web.get("/healthz").statusCode()).as("public").isEqualTo(200);

      assertThat(get(web, "/api/v1/tasks", read).statusCode()).isEqualTo(200);
      assertThat(get(web, "/api/v1/runs", read).statusCode()).isEqualTo(200);
      assertProblem(
          post(web, "/api/v1/tasks/quick/run", read), 403, "needs scope run; the token dashboard");
      assertProblem(get(web, "/api/v1/audit", read), 403, "needs scope admin");
      assertProblem(get(web, "/api/v1/audit", run), 403, "needs scope admin");

      HttpResponse<String> byRun = post(web, "/api/v1/tasks/quick/run", run);
      assertThat(byRun.statusCode()).as(byRun.body()).isEqualTo(202);
      awaitEnd(web, byRun, read);
      HttpResponse<String> byAdmin = post(web, "/api/v1/tasks/quick/run", admin);
      assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(202);
      awaitEnd(web, byAdmin, admin);
      assertThat(jar.rows("quick")).hasSize(2);

      // a token revoked on the command line fails at its next request
      assertThat(jar.exec("token", "revoke", "ci").code()).isZero();
      assertProblem(get(web, "/api/v1/tasks", run), 401, "unknown or revoked");

      PackagedJar.Ran list = jar.exec("token", "list");
      assertThat(list.out()).contains("dashboard").contains("owner").doesNotContain("never\n");
      assertThat(list.out() + list.err()).doesNotContain(read).doesNotContain(admin);
      assertThat(jar.exec("token", "list", "--json").out())
          .contains("\"last_used_at\"")
          .doesNotContain(read)
          .doesNotContain(admin);

      // the audit: each change, who, from where, on what, how it ended; CLI changes too
      HttpResponse<String> audit = get(web, "/api/v1/audit?limit=100", admin);
      assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
      Map<String, Object> page = object(audit);
      assertThat(page).containsEntry("page", 1L).containsEntry("limit", 100L);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
      assertThat(page.get("total")).isEqualTo((long) entries.size());
      assertThat(entries.get(0))
          .containsOnlyKeys("at", "who", "from", "action", "target", "outcome");
      assertThat(entries)
          .extracting(e -> e.get("who") + " " + e.get("action") + " " + e.get("outcome"))
          .contains(
              "owner POST /api/v1/tasks/quick/run 202",
              "ci POST /api/v1/tasks/quick/run 202",
              "dashboard POST /api/v1/tasks/quick/run 403",
              "anonymous POST /api/v1/tasks/quick/run 401",
              "cli:alice token revoke 200",
              "cli:alice token create 201");
      assertThat(entries)
          .filteredOn(e -> "owner".equals(e.get("who")))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e).containsEntry("from", "127.0.0.1").containsEntry("target", "quick");
                assertThat((String) e.get("at")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
              });
      assertThat(entries).noneMatch(e -> ((String) e.get("action")).startsWith("GET"));
      HttpResponse<String> second = get(web, "/api/v1/audit?limit=2&page=2", admin);
      assertThat(object(second).get("entries").toString())
          .isEqualTo(List.of(entries.get(2), entries.get(3)).toString());
    }
  }

  @Test
  void a_loopback_server_needs_no_login_but_checks_the_credentials_it_is_sent() throws Exception {
    PackagedJar jar = jar();
    String read = token(jar, "dashboard", "read");
    try (WebProcess web = WebProcess.start(jar)) {
      Map<String, Object> session = object(web.get("/api/v1/session"));
      assertThat(session)
          .containsEntry("user", "local")
          .containsEntry("scope", "admin")
          .containsEntry("login_required", false)
          .containsEntry("password_login", false);
      assertThat((String) session.get("csrf")).hasSize(43);
      assertProblem(post(web, "/api/v1/tasks/quick/run", read), 403, "needs scope run");
      assertProblem(get(web, "/api/v1/tasks", "rnr_nope"), 401, "unknown or revoked");
      HttpResponse<String> local = web.post("/api/v1/tasks/quick/run", "{}");
      assertThat(local.statusCode()).as(local.body()).isEqualTo(202);
      awaitEnd(web, local, read);
      assertProblem(login(web, PASSWORD), 403, "RUNNER_WEB_PASSWORD is not set");
    }
  }

  @Test
  void the_sixth_bad_login_within_a_minute_is_refused_with_retry_after() throws Exception {
    PackagedJar jar = jar("RUNNER_WEB_PASSWORD=" + PASSWORD);
    try (WebProcess web = WebProcess.startOn(jar, "0.0.0.0:0")) {
      Map<String, Object> anonymous = object(web.get("/api/v1/session"));
      assertThat(anonymous)
          .containsEntry("user", null)
          .containsEntry("login_required", true)
          .containsEntry("password_login", true);
      for (int i = 1; i <= 5; i++) {
        // a client's own X-Forwarded-For is not believed without the trust setting
        assertProblem(login(web, "guess" + i, "X-Forwarded-For", "198.51.100." + i), 401, "wrong");
      }
      HttpResponse<String> sixth = login(web, PASSWORD);
      assertProblem(sixth, 429, "5 wrong passwords within a minute from 127.0.0.1");
      assertThat(sixth.headers().firstValue("Retry-After"))
          .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
      assertThat(sixth.headers().firstValue("Set-Cookie")).isEmpty();
      assertProblem(login(web, "x\", \"more\": \"y"), 429, "try again in");
    }
  }

  /** The value of the runner_session cookie a login set. */
  static String sessionCookie(HttpResponse<String> login) {
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  static HttpRequest.Builder change(WebProcess web, String path, String cookie) {
    return web.request(path)
        .header("Cookie", cookie)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
  }

  @Test
  void a_login_session_has_a_strict_cookie_and_every_change_needs_its_csrf_token()
      throws Exception {
    PackagedJar jar = jar("RUNNER_WEB_PASSWORD=" + PASSWORD);
    try (WebProcess web = WebProcess.startOn(jar, "0.0.0.0:0")) {
      assertProblem(
          web.send(
              web.request("/api/v1/login")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"pass\": \"" + PASSWORD + "\"}"))),
          400,
          "{\"password\": \"...\"}");
      HttpResponse<String> in = login(web, PASSWORD);
      assertThat(in.statusCode()).as(in.body()).isEqualTo(204);
      String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie)
          .matches("runner_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/")
          .doesNotContain("Secure"); // plain http, no trusted proxy saying https
      String cookie = sessionCookie(in);
      String csrf = in.headers().firstValue("X-CSRF-Token").orElseThrow();

      Map<String, Object> session =
          object(web.send(web.request("/api/v1/session").header("Cookie", cookie).GET()));
      assertThat(session)
          .containsEntry("user", "password")
          .containsEntry("scope", "admin")
          .containsEntry("csrf", csrf)
          .containsEntry("login_required", false);
      assertThat(web.send(web.request("/api/v1/tasks").header("Cookie", cookie).GET()).statusCode())
          .isEqualTo(200);

      assertProblem(web.send(change(web, "/api/v1/tasks/quick/run", cookie)), 403, "X-CSRF-Token");
      assertProblem(
          web.send(change(web, "/api/v1/tasks/quick/run", cookie).header("X-CSRF-Token", "wrong")),
          403,
          "X-CSRF-Token");
      assertProblem(
          web.send(
              change(web, "/api/v1/tasks/quick/run", cookie)
                  .header("X-CSRF-Token", csrf)
                  .header("Origin", "http://evil.example")),
          403,
          "must come from " + web.origin());
      assertThat(jar.rows("quick")).isEmpty();
      HttpResponse<String> ran =
          web.send(
              change(web, "/api/v1/tasks/quick/run", cookie)
                  .header("X-CSRF-Token", csrf)
                  .header("Origin", web.origin()));
      assertThat(ran.statusCode()).as(ran.body()).isEqualTo(202);
      PackagedJar.awaitTrue(
          "the run to end",
          Duration.ofSeconds(30),
          () -> jar.rows("quick").stream().noneMatch(r -> r.endTime() == null));

      HttpResponse<String> out =
          web.send(change(web, "/api/v1/logout", cookie).header("X-CSRF-Token", csrf));
      assertThat(out.statusCode()).isEqualTo(204);
      assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
      assertProblem(
          web.send(web.request("/api/v1/tasks").header("Cookie", cookie).GET()), 401, "log in");
    }
  }

  @Test
  void behind_a_trusted_proxy_the_forwarded_headers_give_client_origin_and_secure_cookie()
      throws Exception {
    PackagedJar jar = jar("RUNNER_WEB_PASSWORD=" + PASSWORD, TRUST + "=1");
    String admin = token(jar, "owner", "admin");
    try (WebProcess web = WebProcess.start(jar)) {
      // loopback, but behind a proxy: a login is needed
      assertProblem(web.get("/api/v1/tasks"), 401, "log in");
      String[] proxy = {
        "X-Forwarded-For", "203.0.113.9, 203.0.113.5",
        "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "runner.example"
      };
      for (int i = 0; i < 5; i++) {
        assertProblem(login(web, "guess", proxy), 401, "wrong");
      }
      assertProblem(login(web, PASSWORD, proxy), 429, "from 203.0.113.5");
      HttpResponse<String> other =
          login(
              web,
              PASSWORD,
              "X-Forwarded-For",
              "203.0.113.6",
              "X-Forwarded-Proto",
              "https",
              "X-Forwarded-Host",
              "runner.example");
      assertThat(other.statusCode()).as("another client: " + other.body()).isEqualTo(204);
      assertThat(other.headers().firstValue("Set-Cookie").orElseThrow())
          .endsWith("; HttpOnly; SameSite=Strict; Path=/; Secure");

      HttpRequest.Builder proxied =
          bearer(web.request("/api/v1/tasks/quick/run"), admin)
              .header("Content-Type", "application/json")
              .header("X-Forwarded-For", "203.0.113.7")
              .header("X-Forwarded-Proto", "https")
              .header("X-Forwarded-Host", "runner.example");
      assertProblem(
          web.send(proxied.copy().header("Origin", web.origin()).POST(noBody())),
          403,
          "must come from https://runner.example");
      HttpResponse<String> ran =
          web.send(proxied.header("Origin", "https://runner.example").POST(noBody()));
      assertThat(ran.statusCode()).as(ran.body()).isEqualTo(202);
      awaitEnd(web, ran, admin);

      String audit = get(web, "/api/v1/audit", admin).body();
      assertThat(audit)
          .contains("\"from\":\"203.0.113.7\"")
          .contains("\"from\":\"203.0.113.5\"")
          .contains("\"who\":\"password\"");
    }
  }

  static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.ofString("{}");
  }

  @Test
  void no_answer_log_line_or_row_carries_a_secret() throws Exception {
    PackagedJar jar = jar("RUNNER_WEB_PASSWORD=" + PASSWORD);
    String read = token(jar, "dashboard", "read");
    String admin = token(jar, "owner", "admin");
    List<String> answers = new ArrayList<>();
    try (WebProcess web = WebProcess.startOn(jar, "0.0.0.0:0")) {
      answers.add(text(login(web, "wrong-" + PASSWORD)));
      HttpResponse<String> in = login(web, PASSWORD);
      answers.add(text(in));
      String cookie = sessionCookie(in);
      String csrf = in.headers().firstValue("X-CSRF-Token").orElseThrow();
      HttpResponse<String> started =
          web.send(change(web, "/api/v1/tasks/quick/run", cookie).header("X-CSRF-Token", csrf));
      answers.add(text(started));
      awaitEnd(web, started, read);
      answers.add(text(post(web, "/api/v1/tasks/" + PASSWORD + "/run", admin)));
      answers.add(text(post(web, "/api/v1/tasks/quick/run", read)));
      answers.add(text(post(web, "/api/v1/tasks/" + read + "/run", admin)));
      long id = ((Number) object(started).get("run_id")).longValue();
      for (String path :
          List.of(
              "/",
              "/healthz",
              "/api/v1/session",
              "/api/v1/tasks",
              "/api/v1/tasks/quick",
              "/api/v1/runs",
              "/api/v1/runs/" + id,
              "/api/v1/runs/" + id + "/log",
              "/api/v1/stats",
              "/api/v1/status",
              "/api/v1/audit",
              "/api/v1/tasks/" + API_SECRET)) {
        answers.add(text(get(web, path, admin)));
        answers.add(text(get(web, path, read)));
        answers.add(text(web.send(web.request(path).header("Cookie", cookie).GET())));
        answers.add(text(web.get(path)));
      }
      assertThat(String.join("\n", answers))
          .contains("hi ***")
          .contains("says ***")
          .contains("POST /api/v1/tasks/***/run")
          .contains("POST /api/v1/tasks/rnr_***/run");
      for (String secret : List.of(PASSWORD, API_SECRET, read, admin)) {
        assertThat(answers).noneMatch(a -> a.contains(secret));
      }
    }
    // nor the server's own output, its log, or its database
    List<String> kept = new ArrayList<>();
    try (var files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(".env")
            && !file.getFileName().toString().equals("tasks_config.json")) {
          kept.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
    }
    for (String secret : List.of(PASSWORD, read, admin, read.substring(4), admin.substring(4))) {
      assertThat(kept).noneMatch(k -> k.contains(secret));
    }
  }

  /** Everything of an answer: status, headers and body. */
  static String text(HttpResponse<String> response) {
    return response.statusCode() + " " + response.headers().map() + " " + response.body();
  }
}
