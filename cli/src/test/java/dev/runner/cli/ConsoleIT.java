package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.Json;
import dev.runner.store.NewRun;
import dev.runner.store.RunEnd;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}) against
 * the packaged jar's {@code runner web}: one browser for the class, the pages driven as a user
 * would, screenshots under {@code target/screenshots/}.
 *
 * <p>Every test runs: a missing endpoint fails its test rather than skip it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

  @TempDir static Path home;

  static WebProcess web;
  static Browser browser;

  static final String CONFIG =
      """
      {
        // the console's test home
        "hello": {"type": "shell", "cron": "*/5 * * * *",
                  "command": "echo first line; read word < GATE; echo got $word",
                  "description": "<script>window.pwned = 1</script> 说你好"},
        "flaky": {"type": "shell", "every": "1h", "command": "exit 1",
                  "description": "fails every other run",
                  "notify": [{"name": "ops", "triggers": ["business_failure"],
                              "channels": [{"type": "webhook", "url": "http://127.0.0.1:9/"}]}]},
        "nightly": {"type": "shell", "cron": "30 2 * * *", "timezone": "Europe/Berlin",
                    "command": "true"},
        "after": {"type": "shell", "depends_on": ["flaky"], "command": "true"}
      }
      """;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.open(); // first: without Chromium the class fails before anything else
    PackagedJar jar = new PackagedJar(home);
    Path gate = home.resolve("gate");
    assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
    jar.config(CONFIG.replace("GATE", gate.toString()));
    seed(45);
    web = WebProcess.start(jar);
  }

  /** The seeded run whose failure flaky's rule told the webhook of. */
  static long notified;

  /**
   * flaky's history: one run an hour back from now, every other one a failure; the third latest was
   * sent to the webhook, which refused it.
   */
  static void seed(int runs) {
    Instant now = Instant.now();
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      for (int i = runs; i >= 1; i--) {
        Instant at = now.minus(Duration.ofHours(i));
        RunStatus status = i % 2 == 1 ? RunStatus.BUSINESS_FAILURE : RunStatus.SUCCESS;
        long id =
            store.inTransaction(
                tx ->
                    tx.insert(
                            new NewRun(
                                "flaky", RunStatus.RUNNING, at, at, Trigger.SCHEDULE, 1, "{}"),
                            "h",
                            1)
                        .orElseThrow());
        String message =
            status == RunStatus.SUCCESS
                ? "{\"exit_code\":0}"
                : i != 3
                    ? "{\"error\":\"exit code 1\"}"
                    : "{\"error\":\"exit code 1\",\"notifications\":[{\"rule\":\"ops\","
                        + "\"event\":\"business_failure\",\"channel\":\"webhook\",\"ok\":false,"
                        + "\"answer\":\"connection refused\"}]}";
        if (i == 3) {
          notified = id;
        }
        store.finish(
            id, new RunEnd(status, at, at.plusSeconds(1 + i % 7), 1.0 + i % 7, message, true));
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (web != null) {
        web.close();
      }
    }
  }

  @AfterEach
  void everyStringWasTranslated() {
    List<String> missing = browser.missingStrings();
    // the next test starts in English, whatever this one chose or left half done
    driver().executeScript("localStorage.removeItem('runner.lang')");
    assertThat(missing).as("keys missing from a dictionary").isEmpty();
  }

  ChromeDriver driver() {
    return browser.driver;
  }

  /** Opens a route and waits until the page is drawn for it (not the one before it). */
  void open(String route) {
    browser.open(web.url.resolve("/#" + route).toString());
    browser.await(
        "the page of #" + route,
        () ->
            ("#" + route)
                .equals(
                    driver()
                        .executeScript("return document.getElementById('main').dataset.ready")));
  }

  @Test
  @Order(1)
  void the_overview_shows_every_task_and_a_description_script_as_text() throws Exception {
    open("/");
    browser.await("every task's row", () -> rows("#tasks tr[data-task]").size() == 4);
    assertThat(rows("#tasks tr[data-task]"))
        .extracting(r -> r.getAttribute("data-task"))
        .containsExactlyInAnyOrder("hello", "flaky", "nightly", "after");
    WebElement hello = driver().findElement(By.cssSelector("tr[data-task='hello'] .description"));
    assertThat(hello.getText()).isEqualTo("<script>window.pwned = 1</script> 说你好");
    assertThat(driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
    assertThat(driver().findElements(By.cssSelector("#tasks script"))).isEmpty();
    WebElement flaky = driver().findElement(By.cssSelector("tr[data-task='flaky']"));
    assertThat(flaky.getText()).contains("business failure").contains("every 1 h");
    assertThat(flaky.findElements(By.cssSelector("svg.spark rect"))).hasSize(20);
    assertThat(driver().findElement(By.cssSelector("tr[data-task='hello']")).getText())
        .contains("every 5 min");
    assertThat(driver().findElement(By.cssSelector("tr[data-task='after']")).getText())
        .contains("after flaky");
    // no tick runs in this home: the banner says so
    assertThat(driver().findElement(By.id("banner-pass")).getText())
        .contains("No tick or daemon pass");
    browser.screenshot("overview");
  }

  @Test
  @Order(2)
  void a_run_started_from_the_overview_shows_its_output_as_it_comes() throws Exception {
    open("/");
    browser.await("hello's run button", () -> !rows("tr[data-task='hello'] .run-now").isEmpty());
    driver().findElement(By.cssSelector("tr[data-task='hello'] .run-now")).click();
    driver().findElement(By.id("run-params")).sendKeys("note=from the browser");
    driver().findElement(By.id("run-start")).click();
    browser.await("the run's page", () -> driver().getCurrentUrl().contains("#/runs/"));
    browser.await("the first line, while it runs", () -> text("#log").contains("first line"));
    assertThat(text("#run-head")).contains("running");
    assertThat(text("#log")).doesNotContain("got");
    Files.writeString(home.resolve("gate"), "go\n", StandardCharsets.UTF_8);
    browser.await("the last line", () -> text("#log").contains("got go"));
    browser.await("its status to be success", () -> text("#run-head").contains("success"));
    assertThat(text("#run-fields")).contains("by hand");
    browser.screenshot("run");
  }

  @Test
  @Order(3)
  void history_filtered_by_failure_comes_a_page_at_a_time() throws Exception {
    open("/history");
    browser.await("the history", () -> !rows("#runs tr[data-run]").isEmpty());
    new Select(driver().findElement(By.id("filter-status"))).selectByValue("failed");
    browser.await("the failures' first page", () -> text(".pager").contains("page 1 of 2"));
    assertThat(text(".pager")).contains("23 runs");
    assertThat(rows("#runs tr[data-run]"))
        .hasSize(20)
        .allMatch(r -> "business_failure".equals(r.getAttribute("data-status")));
    driver().findElement(By.cssSelector(".pager .next")).click();
    browser.await("the second page", () -> text(".pager").contains("page 2 of 2"));
    assertThat(rows("#runs tr[data-run]"))
        .hasSize(3)
        .allMatch(r -> "business_failure".equals(r.getAttribute("data-status")));
    assertThat(driver().getCurrentUrl()).contains("status=failed").contains("page=2");
    driver().findElement(By.cssSelector(".pager .prev")).click();
    browser.await("the first page again", () -> text(".pager").contains("page 1 of 2"));
  }

  @Test
  @Order(4)
  void a_task_page_shows_its_fields_fires_charts_dependents_and_history() throws Exception {
    open("/tasks/flaky");
    browser.await("the charts", () -> rows(".charts svg.chart").size() == 2);
    assertThat(text("main")).contains("fails every other run").contains("every 1 h");
    assertThat(rows(".charts svg.chart rect.bad")).isNotEmpty();
    assertThat(rows("#fires li")).hasSize(10);
    // the rule and what it last sent, though the newest runs sent nothing
    assertThat(text(".rules"))
        .contains("ops")
        .contains("business failure")
        .contains("webhook, for business failure")
        .contains("#" + notified);
    assertThat(rows(".rules .deliveries .badge.bad")).hasSize(1);
    assertThat(driver().findElement(By.linkText("after")).getAttribute("href"))
        .endsWith("#/tasks/after");
    // its fields as the file has them, from the task's own answer
    assertThat(driver().findElement(By.cssSelector("pre.config-json")).getAttribute("textContent"))
        .contains("\"every\": \"1h\"")
        .contains("\"command\": \"exit 1\"");
    assertThat(rows("#runs tr[data-run]")).hasSize(20);
    browser.screenshot("task");
    open("/tasks/after");
    browser.await("after's upstream", () -> !rows("a[href$='#/tasks/flaky']").isEmpty());
    // a task in Berlin: the next fires are said in its own zone
    open("/tasks/nightly");
    browser.await("nightly's fires", () -> rows("#fires li").size() == 10);
    assertThat(text("#fires")).contains("02:30").containsPattern("UTC\\+0[12]:00");
  }

  @Test
  @Order(5)
  void the_console_speaks_chinese_when_switched_and_keeps_the_choice() throws Exception {
    open("/");
    browser.await("the overview", () -> rows("#tasks tr[data-task]").size() == 4);
    new Select(driver().findElement(By.id("lang"))).selectByValue("zh-CN");
    browser.await(
        "the Chinese overview", () -> text("#nav").contains("总览") && text("main").contains("立即运行"));
    assertThat(text("main")).contains("任务").contains("业务失败");
    assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    browser.screenshot("zh-CN");
    driver().navigate().refresh();
    browser.await("Chinese after a reload", () -> text("#nav").contains("历史"));
    open("/history");
    browser.await("the history in Chinese", () -> text(".pager").contains("第 1 /"));
    new Select(driver().findElement(By.id("lang"))).selectByValue("en");
    browser.await("English again", () -> text("#nav").contains("Overview"));
  }

  @Test
  @Order(6)
  void at_375_pixels_wide_nothing_overflows_sideways() throws Exception {
    try {
      browser.viewport(375, 812);
      for (String route : List.of("/", "/history", "/tasks/flaky", "/config")) {
        open(route);
        browser.await("the page " + route, () -> !rows("main h1").isEmpty());
        browser.await("its content " + route, () -> rows("main [aria-busy]").isEmpty());
        Number overflow =
            (Number)
                driver()
                    .executeScript(
                        "return document.documentElement.scrollWidth"
                            + " - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("sideways overflow of " + route).isLessThanOrEqualTo(0);
        if (route.equals("/")) {
          browser.screenshot("375px");
        }
      }
    } finally {
      browser.resetViewport();
    }
  }

  @Test
  @Order(7)
  void dark_mode_follows_the_system_setting() throws Exception {
    browser.darkMode(true);
    try {
      open("/");
      browser.await("the overview", () -> rows("#tasks tr[data-task]").size() == 4);
      String background =
          (String) driver().executeScript("return getComputedStyle(document.body).backgroundColor");
      assertThat(background).isEqualTo("rgb(23, 24, 26)");
      browser.screenshot("dark");
    } finally {
      browser.darkMode(false);
    }
  }

  @Test
  @Order(10)
  void only_the_console_folder_is_served_with_a_strict_policy_and_an_etag() throws Exception {
    HttpResponse<String> page = web.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("script-src 'self';")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/app.js\">");
    HttpResponse<String> script = web.get("/assets/app.js");
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    String etag = script.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        web.send(web.request("/assets/app.js").header("If-None-Match", etag));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(web.get("/assets/app.css").headers().firstValue("Content-Type"))
        .hasValue("text/css; charset=utf-8");
    for (String path :
        List.of(
            "/assets/..%2F..%2F..%2Fpom.xml",
            "/assets/%2e%2e",
            "/assets/..%5Cassets.java",
            "/assets/%2Fetc%2Fpasswd",
            "/assets/Assets.class",
            "/assets/../WebServer.class",
            "/assets/.%2E/.%2E/WebServer.class",
            "/assets/nothing.js",
            "/assets/")) {
      HttpResponse<String> refused = web.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).as(path).doesNotContain("package dev.runner");
    }
  }

  @Test
  @Order(11)
  void off_loopback_the_login_form_comes_first_and_changes_carry_the_csrf_token(@TempDir Path other)
      throws Exception {
    PackagedJar jar = new PackagedJar(other);
    jar.config("{\"hello\": {\"type\": \"shell\", \"command\": \"echo hi from afar\"}}");
    Path env = other.resolve(".env");
    Files.writeString(env, "RUNNER_WEB_PASSWORD=open-sesame-2026\n");
    Files.setPosixFilePermissions(
        env, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    try (WebProcess far = WebProcess.startOn(jar, "0.0.0.0:0")) {
      String base = far.url.toString(); // 127.0.0.1: an address of every address
      browser.open(base + "#/");
      browser.await("the login form", () -> !rows("#login-password").isEmpty());
      driver().findElement(By.id("login-password")).sendKeys("wrong");
      driver().findElement(By.cssSelector("form.login button[type=submit]")).click();
      browser.await("the refusal", () -> text("form.login").contains("Wrong password"));
      driver().findElement(By.id("login-password")).clear();
      driver().findElement(By.id("login-password")).sendKeys("open-sesame-2026");
      driver().findElement(By.cssSelector("form.login button[type=submit]")).click();
      browser.await("the overview", () -> rows("#tasks tr[data-task]").size() == 1);
      // run now is a change: refused with 403 unless it carries the session's CSRF token
      driver().findElement(By.cssSelector("tr[data-task='hello'] .run-now")).click();
      driver().findElement(By.id("run-start")).click();
      browser.await("the run's output", () -> text("#log").contains("hi from afar"));
      browser.await("the logout button", () -> !rows("#who button").isEmpty());
      driver().findElement(By.cssSelector("#who button")).click();
      browser.await("the login form again", () -> !rows("#login-password").isEmpty());
    } finally {
      driver().manage().deleteAllCookies();
    }
  }

  @Test
  @Order(12)
  void a_run_started_elsewhere_appears_live_and_is_cancelled_from_its_page() throws Exception {
    open("/");
    browser.await("the overview", () -> rows("#tasks tr[data-task]").size() == 4);
    // started by another client: the page is not reloaded, the events (or the poll) show it
    HttpResponse<String> started = web.post("/api/v1/tasks/hello/run", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    By running = By.cssSelector("tr[data-task='hello'] a.running-now");
    browser.await("hello running on the overview", () -> !driver().findElements(running).isEmpty());
    driver().findElement(running).click();
    browser.await("the run's first line", () -> text("#log").contains("first line"));
    driver().findElement(By.id("cancel")).click();
    driver().switchTo().alert().accept();
    browser.await("the run cancelled", () -> text("#run-head").contains("cancelled"));
    assertThat(text("#log")).doesNotContain("got");
  }

  @Test
  @Order(8)
  void a_task_switched_off_in_the_overview_is_off_in_the_file_formatting_kept() throws Exception {
    open("/");
    By flakySwitch = By.cssSelector("tr[data-task='flaky'] button[role=switch]");
    browser.await("flaky's switch", () -> !driver().findElements(flakySwitch).isEmpty());
    assertThat(driver().findElement(flakySwitch).getAttribute("aria-checked")).isEqualTo("true");
    driver().findElement(flakySwitch).click();
    browser.await(
        "the switch to say off",
        () -> "false".equals(driver().findElement(flakySwitch).getAttribute("aria-checked")));
    String file = Files.readString(home.resolve("tasks_config.json"));
    assertThat(file).contains("// the console's test home");
    assertThat(file).containsPattern("\"flaky\": \\{[^}]*\"enabled\": false");
    driver().findElement(flakySwitch).click();
    browser.await(
        "the switch to say on",
        () -> "true".equals(driver().findElement(flakySwitch).getAttribute("aria-checked")));
  }

  @Test
  @Order(9)
  void a_config_edit_with_an_error_is_shown_at_its_line_refused_then_fixed_and_saved()
      throws Exception {
    open("/config");
    browser.await("the editor", () -> !rows("#config-text").isEmpty());
    Path file = home.resolve("tasks_config.json");
    String before = Files.readString(file);
    int line = lineOf(before, "\"every\": \"1h\"");
    browser.setText("#config-text", before.replace("\"every\": \"1h\"", "\"every\": \"1x\""));
    browser.await(
        "the problem marked at line " + line,
        () -> !rows("#gutter .ln.bad[data-line='" + line + "']").isEmpty());
    assertThat(text("#config-problems")).contains("line " + line).contains("1x");
    assertThat(driver().findElement(By.id("config-save")).isEnabled()).isFalse();
    // the server refuses it too, asked directly with the file's own version
    Object version = Json.parseObject(web.get("/api/v1/config").body()).get("version");
    Object edited = driver().executeScript("return document.getElementById('config-text').value");
    String body = Json.write(Map.of("text", edited, "version", version));
    HttpResponse<String> refused =
        web.send(
            web.request("/api/v1/config")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(Files.readString(file)).isEqualTo(before);
    browser.screenshot("config");

    String fixed = before.replace("\"every\": \"1h\"", "\"every\": \"2h\"");
    browser.setText("#config-text", fixed);
    browser.await("the edit to be valid", () -> text("#config-state").contains("ready to save"));
    assertThat(rows("#gutter .ln.bad")).isEmpty();
    driver().findElement(By.id("config-save")).click();
    browser.await("the save", () -> text("#config-message").contains("Saved"));
    assertThat(Files.readString(file)).isEqualTo(fixed);
  }

  @Test
  @Order(13)
  void a_refused_config_is_a_banner_with_each_problem_at_its_line_until_fixed() throws Exception {
    open("/history");
    browser.await("the history", () -> !rows("#runs tr[data-run]").isEmpty());
    Path file = home.resolve("tasks_config.json");
    String good = Files.readString(file);
    Files.writeString(file, "{\n  \"hello\": {\"type\": \"shell\" \"command\": \"true\"}\n}\n");
    try {
      browser.await("the banner", () -> text("#banner-config").contains("tasks_config.json:2:"));
      assertThat(text("#banner-config")).contains("no task runs until it is fixed");
    } finally {
      Files.writeString(file, good);
    }
    browser.await("the banner gone", () -> rows("#banner-config").isEmpty());
  }

  @Test
  @Order(14)
  void a_task_is_created_refused_while_invalid_edited_and_deleted_from_its_form() throws Exception {
    Path file = home.resolve("tasks_config.json");
    String before = Files.readString(file);
    open("/");
    browser.await("the new-task button", () -> !rows("#new-task").isEmpty());
    driver().findElement(By.id("new-task")).click();
    browser.await("the form", () -> !rows("#task-fields").isEmpty());
    driver().findElement(By.id("task-name")).sendKeys("备份");
    browser.setText(
        "#task-fields", "{\"type\": \"shell\", \"every\": \"1x\", \"command\": \"echo 备份\"}");
    driver().findElement(By.id("edit-save")).click();
    browser.await("the refusal", () -> text("#edit-message").contains("备份.every"));
    assertThat(text("#edit-message")).contains("1x").contains("Nothing was written");
    browser.screenshot("edit");
    assertThat(Files.readString(file)).isEqualTo(before);
    browser.setText("#task-fields", "{not json");
    driver().findElement(By.id("edit-save")).click();
    browser.await("the JSON error", () -> text("#edit-message").contains("Not JSON"));

    browser.setText(
        "#task-fields",
        "{\"type\": \"shell\", \"every\": \"1h\", \"command\": \"echo 备份\","
            + " \"description\": \"每小时备份\"}");
    driver().findElement(By.id("edit-save")).click();
    browser.await("the new task's page", () -> text("main").contains("每小时备份"));
    assertThat(driver().getCurrentUrl()).endsWith("#/tasks/%E5%A4%87%E4%BB%BD");
    String created = Files.readString(file);
    assertThat(created).startsWith(before.substring(0, before.lastIndexOf('}')).stripTrailing());
    assertThat(created).contains("\"备份\"").contains("\"every\": \"1h\"");

    driver().findElement(By.id("task-edit")).click();
    browser.await("the form with its fields", () -> !rows("#task-fields").isEmpty());
    Object shown = driver().executeScript("return document.getElementById('task-fields').value");
    assertThat((String) shown).contains("每小时备份");
    browser.setText("#task-fields", ((String) shown).replace("1h", "2h"));
    driver().findElement(By.id("edit-save")).click();
    browser.await("back on the task page", () -> text("main").contains("every 2 h"));
    assertThat(Files.readString(file))
        .contains("\"every\": \"2h\"")
        .contains("// the console's test home");

    driver().findElement(By.id("task-edit")).click();
    browser.await("the delete button", () -> !rows("#edit-delete").isEmpty());
    driver().findElement(By.id("edit-delete")).click();
    driver().switchTo().alert().accept();
    browser.await("the overview", () -> rows("#tasks tr[data-task]").size() == 4);
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  @Order(15)
  void the_keyboard_alone_skips_to_the_page_switches_a_task_and_opens_and_closes_run_now()
      throws Exception {
    open("/");
    By nightly = By.cssSelector("tr[data-task='nightly'] button[role=switch]");
    // a fresh load, so the first Tab starts from the top of the page
    driver().navigate().refresh();
    browser.await("nightly's switch", () -> !driver().findElements(nightly).isEmpty());
    driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(focused()).isEqualTo("skip");
    driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    assertThat(focused()).isEqualTo("main");

    driver().findElement(nightly).sendKeys(Keys.SPACE);
    browser.await(
        "Space to switch nightly off",
        () -> "false".equals(driver().findElement(nightly).getAttribute("aria-checked")));
    assertThat(Files.readString(home.resolve("tasks_config.json")))
        .containsPattern("\"nightly\": \\{[^}]*\"enabled\": false");
    driver().findElement(nightly).sendKeys(Keys.ENTER);
    browser.await(
        "Enter to switch it on again",
        () -> "true".equals(driver().findElement(nightly).getAttribute("aria-checked")));

    driver()
        .findElement(By.cssSelector("tr[data-task='nightly'] button.run-now"))
        .sendKeys(Keys.ENTER);
    browser.await("the run dialog", () -> !rows("dialog[open] #run-params").isEmpty());
    assertThat(focused()).as("the dialog takes the focus").isNotEqualTo("main");
    driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    browser.await("the dialog closed", () -> rows("dialog[open]").isEmpty());
  }

  @Test
  @Order(16)
  void the_audit_page_lists_each_change_made_here_newest_first_with_who_and_how_it_ended()
      throws Exception {
    open("/audit");
    browser.await("the audit rows", () -> rows("#audit tbody tr").size() >= 5);
    String first = text("#audit tbody tr:first-child");
    assertThat(first).contains("local").contains("/api/v1/tasks/nightly/enable").contains("200");
    assertThat(text("#audit"))
        .contains("POST /api/v1/tasks")
        .contains("DELETE /api/v1/tasks/%E5%A4%87%E4%BB%BD")
        .contains("PUT /api/v1/config")
        .contains("422");
    assertThat(text("#audit tbody"))
        .as("a created task is named though its path does not")
        .containsPattern("POST /api/v1/tasks 备份 201");
    assertThat(text(".pager")).contains("entries");
    browser.screenshot("audit");
  }

  @Test
  @Order(17)
  void the_hosts_page_says_what_it_lists_where_one_host_keeps_its_own_file() throws Exception {
    open("/hosts");
    browser.await("the hosts page", () -> text("#hosts").contains("No host seen yet"));
    assertThat(text("#nav")).contains("Hosts");
  }

  /** The id of the element that has the focus ("" for none). */
  String focused() {
    return String.valueOf(driver().executeScript("return document.activeElement.id || ''"));
  }

  static int lineOf(String text, String part) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(part)) {
        return i + 1;
      }
    }
    throw new AssertionError(part + " is not in the config");
  }

  List<WebElement> rows(String css) {
    return driver().findElements(By.cssSelector(css));
  }

  String text(String css) {
    List<WebElement> found = driver().findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }
}
