package dev.runner.cli;

import static dev.runner.cli.WebApiIT.assertProblem;
import static dev.runner.cli.WebApiIT.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.engine.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints that edit {@code tasks_config.json} through {@code runner web}, and the cron
 * preview: the packaged jar over real HTTP, the file on disk compared byte for byte after each
 * change, and the API's next answer showing it.
 */
class WebConfigIT {

  static final String SECRET = "s3cr3t-Token-4242";

  /** Four spaces, a comment, Chinese text, a secret written into the file by hand. */
  static final String CONFIG =
      """
      {
          // 每天的备份
          "备份": {
              "type": "shell",
              "command": "echo 备份 SECRET",
              "cron": "0 3 * * *"
          },
          "report": {
              "type": "shell",
              "command": "echo report",
              "depends_on": ["备份"]
          }
      }
      """
          .replace("SECRET", SECRET);

  @TempDir Path home;

  PackagedJar jar() throws Exception {
    Files.writeString(home.resolve(".env"), "API_TOKEN=" + SECRET + "\n");
    Files.setPosixFilePermissions(
        home.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
    PackagedJar jar = new PackagedJar(home);
    jar.config(CONFIG);
    return jar;
  }

  String file() throws Exception {
    return Files.readString(home.resolve("tasks_config.json"), StandardCharsets.UTF_8);
  }

  static String path(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> send(WebProcess web, String method, String path, String json)
      throws Exception {
    return web.send(
        web.request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  static String body(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return Json.write(map);
  }

  @Test
  void disable_and_enable_switch_the_task_in_the_file_and_the_api_shows_it() throws Exception {
    try (WebProcess web = WebProcess.start(jar())) {
      HttpResponse<String> off = web.post("/api/v1/tasks/report/disable", "");
      assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
      assertThat(object(off))
          .containsExactly(
              Map.entry("task", "report"), Map.entry("enabled", false), Map.entry("changed", true));
      String disabled =
          CONFIG.replace(
              "\"report\": {\n        \"type\"",
              "\"report\": {\n        \"enabled\": false,\n        \"type\"");
      assertThat(file()).isEqualTo(disabled);
      assertThat(object(web.get("/api/v1/tasks/report"))).containsEntry("enabled", false);

      assertThat(object(web.post("/api/v1/tasks/report/disable", "{}")))
          .containsEntry("changed", false);
      assertProblem(web.post("/api/v1/tasks/reprt/disable", "{}"), 404, "did you mean \"report\"");
      assertProblem(web.post("/api/v1/tasks/report/enable", "{\"on\": 1}"), 400, "unknown field");
      assertProblem(web.post("/api/v1/tasks/report/enable", "{"), 400, "not valid JSON");
      assertThat(file()).isEqualTo(disabled);

      assertThat(object(web.post("/api/v1/tasks/report/enable", "{}")))
          .containsEntry("enabled", true)
          .containsEntry("changed", true);
      assertThat(file()).isEqualTo(disabled.replace("\"enabled\": false", "\"enabled\": true"));
      assertThat(object(web.get("/api/v1/tasks/report"))).containsEntry("enabled", true);
    }
  }

  @Test
  void a_task_is_created_replaced_and_deleted_with_the_rest_of_the_file_kept() throws Exception {
    try (WebProcess web = WebProcess.start(jar())) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("type", "shell");
      task.put("command", "echo 清理");
      task.put("cron", "30 2 * * *");
      task.put("description", "<script>清理</script>");
      HttpResponse<String> created = web.post("/api/v1/tasks", body("name", "清理", "task", task));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(created.headers().firstValue("Location"))
          .hasValue("/api/v1/tasks/%E6%B8%85%E7%90%86");
      assertThat(object(created)).containsEntry("name", "清理").containsEntry("enabled", true);
      String withNew =
          CONFIG.replace(
              "        \"depends_on\": [\"备份\"]\n    }\n",
              """
                      "depends_on": ["备份"]
                  },
                  "清理": {
                      "type": "shell",
                      "command": "echo 清理",
                      "cron": "30 2 * * *",
                      "description": "<script>清理</script>"
                  }
              """);
      assertThat(file()).isEqualTo(withNew);
      assertThat(web.get("/api/v1/tasks").body()).contains("\"清理\"");

      assertProblem(web.post("/api/v1/tasks", body("name", "清理", "task", task)), 409, "exists");
      Map<String, Object> bad = new LinkedHashMap<>(task);
      bad.put("cron", "61 * * * *");
      HttpResponse<String> invalid = web.post("/api/v1/tasks", body("name", "new", "task", bad));
      assertProblem(invalid, 422, "problem");
      assertThat(object(invalid).get("problems").toString())
          .contains("path=new.cron")
          .contains("line=")
          .contains("column=");
      assertProblem(
          web.post("/api/v1/tasks", body("name", 5, "task", task)), 400, "name must be a string");
      assertProblem(
          web.post("/api/v1/tasks", body("name", "x", "task", "echo")),
          400,
          "task must be an object");
      assertProblem(
          web.post("/api/v1/tasks", body("nam", "x", "task", task)), 400, "did you mean \"name\"");
      assertProblem(web.post("/api/v1/tasks", "{\"name\": "), 400, "not valid JSON");
      assertThat(file()).isEqualTo(withNew);

      Map<String, Object> replacement = new LinkedHashMap<>();
      replacement.put("type", "shell");
      replacement.put("command", "echo 再见");
      replacement.put("retries", Map.of("max", 2));
      HttpResponse<String> replaced =
          send(web, "PUT", "/api/v1/tasks/" + path("清理"), Json.write(replacement));
      assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
      assertThat(object(replaced)).containsEntry("name", "清理");
      String withReplaced =
          withNew.replace(
              """
                      "command": "echo 清理",
                      "cron": "30 2 * * *",
                      "description": "<script>清理</script>"
              """,
              """
                      "command": "echo 再见",
                      "retries": {
                          "max": 2
                      }
              """);
      assertThat(file()).isEqualTo(withReplaced);
      assertProblem(
          send(web, "PUT", "/api/v1/tasks/nope", Json.write(replacement)),
          404,
          "no task named \"nope\"");
      assertProblem(
          send(web, "PUT", "/api/v1/tasks/report", "{\"type\": \"nosuch\"}"), 422, "problem");
      assertProblem(send(web, "PUT", "/api/v1/tasks/report", "[1]"), 400, "expected a JSON object");
      assertThat(file()).isEqualTo(withReplaced);

      HttpResponse<String> needed = send(web, "DELETE", "/api/v1/tasks/" + path("备份"), "");
      assertProblem(needed, 422, "1 problem");
      assertThat(object(needed).get("problems").toString())
          .contains("report depends on \"备份\"")
          .contains("path=report.depends_on");
      assertProblem(send(web, "DELETE", "/api/v1/tasks/nope", ""), 404, "no task named");
      HttpResponse<String> deleted = send(web, "DELETE", "/api/v1/tasks/" + path("清理"), "");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      assertThat(file()).isEqualTo(CONFIG);
      assertProblem(web.get("/api/v1/tasks/" + path("清理")), 404, "no task named");
    }
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void the_whole_config_is_read_masked_checked_and_written_at_its_version() throws Exception {
    try (WebProcess web = WebProcess.start(jar())) {
      HttpResponse<String> got = web.get("/api/v1/config");
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.body()).doesNotContain(SECRET);
      Map<String, Object> config = object(got);
      assertThat(config)
          .containsEntry("file", "tasks_config.json")
          .containsEntry("text", CONFIG.replace(SECRET, "***"))
          .containsEntry("version", sha256(CONFIG))
          .containsEntry("valid", true)
          .containsEntry("masked", true)
          .containsEntry("problems", List.of());

      String broken =
          "{\n  \"a\": {\"type\": \"shell\",\n        \"every\": \"1x\", \"command\": \"true\"}\n}";
      Map<String, Object> checked =
          object(web.post("/api/v1/config/validate", body("text", broken)));
      assertThat(checked).containsEntry("valid", false);
      assertThat(checked.get("problems").toString())
          .contains("line=3")
          .contains("column=18")
          .contains("path=a.every");
      assertThat(object(web.post("/api/v1/config/validate", body("text", "{}"))))
          .containsEntry("valid", true);
      // larger than the 64 KiB of other bodies, as a whole config may be
      String big =
          "{\"a\": {\"type\": \"shell\", \"command\": \"true\", \"description\": \""
              + "x".repeat(200_000)
              + "\"}}";
      assertThat(object(web.post("/api/v1/config/validate", body("text", big))))
          .containsEntry("valid", true);
      assertProblem(
          web.post("/api/v1/config/validate", body("text", "x".repeat(1_100_000))),
          413,
          "larger than");
      assertProblem(
          web.post("/api/v1/config/validate", body("txt", "{}")), 400, "did you mean \"text\"");
      assertProblem(
          web.post("/api/v1/config/validate", body("text", 3)), 400, "text must be a string");
      assertThat(file()).isEqualTo(CONFIG);

      String version = (String) config.get("version");
      String masked = (String) config.get("text");
      assertProblem(
          send(web, "PUT", "/api/v1/config", body("text", masked, "version", version)),
          422,
          "${NAME}");
      assertProblem(
          send(web, "PUT", "/api/v1/config", body("text", "{}", "version", "0".repeat(64))),
          409,
          "changed since");
      HttpResponse<String> refused =
          send(web, "PUT", "/api/v1/config", body("text", broken, "version", version));
      assertProblem(refused, 422, "problem");
      assertThat(object(refused).get("problems").toString()).contains("path=a.every");
      assertProblem(
          send(web, "PUT", "/api/v1/config", body("text", "{}")), 400, "version is required");
      assertThat(file()).isEqualTo(CONFIG);

      String fixed =
          masked
              .replace("***", "${API_TOKEN}")
              .replace("0 3 * * *", "0 4 * * *")
              .replace("\n", "\r\n");
      HttpResponse<String> put =
          send(web, "PUT", "/api/v1/config", body("text", fixed, "version", version));
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(object(put)).containsEntry("version", sha256(fixed));
      assertThat(file()).isEqualTo(fixed);
      Map<String, Object> after = object(web.get("/api/v1/config"));
      assertThat(after).containsEntry("version", sha256(fixed)).containsEntry("masked", false);
      // the server read the file again: the task's schedule is the new one
      assertThat(object(web.get("/api/v1/tasks/" + path("备份"))))
          .containsEntry("schedule", "0 4 * * *");
      assertProblem(
          send(web, "PUT", "/api/v1/config", body("text", "{}", "version", version)),
          409,
          "changed since");
    }
  }

  @Test
  void a_task_whose_fields_came_masked_is_refused_rather_than_the_mask_written_over_its_secret()
      throws Exception {
    try (WebProcess web = WebProcess.start(jar())) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields =
          (Map<String, Object>) object(web.get("/api/v1/tasks/" + path("备份"))).get("fields");
      assertThat(fields).containsEntry("command", "echo 备份 ***");
      fields.put("cron", "0 4 * * *");
      assertProblem(
          send(web, "PUT", "/api/v1/tasks/" + path("备份"), Json.write(fields)), 422, "${NAME}");
      assertThat(file()).isEqualTo(CONFIG);

      fields.put("command", "echo 备份 ${API_TOKEN}");
      HttpResponse<String> fixed =
          send(web, "PUT", "/api/v1/tasks/" + path("备份"), Json.write(fields));
      assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
      assertThat(file()).contains("\"command\": \"echo 备份 ${API_TOKEN}\"").doesNotContain(SECRET);
    }
  }

  @Test
  void cron_previews_the_next_fires_in_words_with_daylight_saving_notes() throws Exception {
    try (WebProcess web = WebProcess.start(jar())) {
      HttpResponse<String> preview =
          web.get("/api/v1/cron?expr=30+2+*+*+*&tz=America/New_York&from=2026-03-07T00:00&n=3");
      assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
      Map<String, Object> out = object(preview);
      assertThat(out).containsEntry("expr", "30 2 * * *").containsEntry("tz", "America/New_York");
      assertThat((String) out.get("description")).contains("02:30");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> fires = (List<Map<String, Object>>) out.get("fires");
      assertThat(fires)
          .extracting(f -> f.get("at"))
          .containsExactly(
              "2026-03-07T02:30:00-05:00",
              "2026-03-08T03:30:00-04:00",
              "2026-03-09T02:30:00-04:00");
      assertThat(fires.get(0).get("note")).isNull();
      assertThat((String) fires.get(1).get("note")).contains("02:30 does not exist on 2026-03-08");
      assertThat(fires.get(1).get("note_parts"))
          .isEqualTo(
              Map.of(
                  "kind", "skipped",
                  "zone", "America/New_York",
                  "date", "2026-03-08",
                  "time", "02:30",
                  "clocks_from", "02:00",
                  "clocks_to", "03:00",
                  "fires_at", "03:30"));
      assertThat(fires.get(2).get("note_parts")).as("a cron note explains the change").isNull();

      assertProblem(web.get("/api/v1/cron?expr=61+*+*+*+*"), 400, "expr:");
      assertProblem(web.get("/api/v1/cron?expr=@daily&tz=Asia/Shanghia"), 400, "Asia/Shanghai");
      assertProblem(web.get("/api/v1/cron?expr=@daily&n=101"), 400, "not between 1 and 100");
      assertProblem(web.get("/api/v1/cron?expr=@daily&from=yesterday"), 400, "from");
      assertProblem(web.get("/api/v1/cron"), 400, "expr: required");
      assertThat(object(web.get("/api/v1/cron?expr=@daily")).get("fires").toString())
          .contains("at=");
    }
  }
}
