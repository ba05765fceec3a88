package dev.runner.web;

import dev.runner.config.ConfigEditor;
import dev.runner.config.ConfigFile;
import dev.runner.config.Home;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.Problem;
import dev.runner.config.StaleConfigException;
import dev.runner.config.TaskExistsException;
import dev.runner.config.UnknownTaskException;
import dev.runner.engine.Json;
import dev.runner.query.ValidationJson;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints that change {@code tasks_config.json}: switch a task, create, replace or delete
 * one, read, check and replace the whole text. Each goes through {@link ConfigEditor}, as {@code
 * runner enable} does: an in-place edit, validated as {@code runner validate} validates, written
 * atomically only when valid, one at a time. The server's next read of the config sees the change
 * (its files' stamps moved), so the answer shows it.
 */
final class ConfigApi {

  /** A whole config is larger than run-now's few keys; far beyond any hand-written one. */
  static final int MAX_CONFIG_BODY = 1024 * 1024;

  /** What {@code GET /api/v1/config} puts in place of a secret's value (the Redactor's mask). */
  static final String MASK = "***";

  private final WebHome home;
  private final Api api;
  private final ConfigEditor editor;

  ConfigApi(WebHome home, Api api, ConfigEditor editor) {
    this.home = home;
    this.api = api;
    this.editor = editor;
  }

  private Home files() {
    return home.loaded().config().home();
  }

  /** {@code POST /api/v1/tasks/{name}/enable}. */
  void enable(Call call) throws IOException {
    toggle(call, true);
  }

  /** {@code POST /api/v1/tasks/{name}/disable}. */
  void disable(Call call) throws IOException {
    toggle(call, false);
  }

  private void toggle(Call call, boolean enabled) throws IOException {
    String name = call.path.get(3);
    JsonBody.parse(call.body(), List.of());
    ConfigEditor.Change change;
    try {
      change = editor.setEnabled(files(), List.of(name), enabled).get(0);
    } catch (InvalidConfigException e) {
      throw refused(e, name + " was not " + (enabled ? "enabled" : "disabled"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", name);
    out.put("enabled", enabled);
    out.put("changed", change.changed());
    call.json(200, out);
  }

  /** {@code POST /api/v1/tasks {"name", "task"}}: 201 with the task as GET answers it. */
  void create(Call call) throws IOException {
    JsonBody body = JsonBody.parse(call.body(), List.of("name", "task"));
    String name = body.string("name");
    call.auditTarget = name;
    Map<String, Object> task = body.object("task", "the task's fields, as in tasks_config.json");
    try {
      editor.create(files(), name, task);
    } catch (TaskExistsException e) {
      throw ApiProblem.of(409, ApiProblem.TASK_EXISTS, "The task exists", e.getMessage());
    } catch (InvalidConfigException e) {
      throw refused(e, name + " was not created");
    }
    call.exchange.getResponseHeaders().set("Location", location(name));
    call.json(201, api.taskDetail(name));
  }

  /**
   * {@code PUT /api/v1/tasks/{name} {fields}}: the task's value replaced. The fields GET gave have
   * the mask in place of a secret the task holds, so fields that hold it more often are refused, as
   * the whole text is.
   */
  void replace(Call call) throws IOException {
    String name = call.path.get(3);
    Map<String, Object> task = JsonBody.object(call.body());
    Optional<Map<String, Object>> written = home.loaded().config().written(name);
    if (written.isPresent()) {
      checkNoMask(Json.write(written.get()), Json.write(task));
    }
    try {
      editor.replace(files(), name, task);
    } catch (InvalidConfigException e) {
      throw refused(e, name + " was not replaced");
    }
    call.json(200, api.taskDetail(name));
  }

  /** {@code DELETE /api/v1/tasks/{name}}: 204; refused while other tasks depend on it. */
  void delete(Call call) throws IOException {
    String name = call.path.get(3);
    try {
      editor.delete(files(), name);
    } catch (InvalidConfigException e) {
      throw refused(e, name + " was not deleted");
    }
    call.empty(204);
  }

  /**
   * {@code GET /api/v1/config}: the file's text with the home's secret values masked, its version
   * (SHA-256 of its bytes, for {@code PUT}), and its validation.
   */
  void config(Call call) throws IOException {
    Home files = files();
    ConfigFile.Snapshot snapshot = snapshot(files);
    List<Problem> problems = editor.problems(files, snapshot.text());
    String whole = snapshot.whole();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", files.configFile().getFileName().toString());
    out.put("text", whole); // masked with every other string of the answer
    out.put("version", snapshot.version());
    out.put("valid", problems.isEmpty());
    out.put("problems", ValidationJson.problems(problems));
    out.put("masked", !home.redactor().redact(whole).equals(whole));
    call.json(200, out);
  }

  /** {@code POST /api/v1/config/validate {"text"}}: the problems of that text; nothing written. */
  void validate(Call call) throws IOException {
    String text = JsonBody.parse(call.body(MAX_CONFIG_BODY), List.of("text")).string("text");
    List<Problem> problems = editor.problems(files(), text);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", problems.isEmpty());
    out.put("problems", ValidationJson.problems(problems));
    call.json(200, out);
  }

  /**
   * {@code PUT /api/v1/config {"text", "version"}}: the text written as given, when the file is
   * still at that version, the text is valid and it holds no mask where the file holds a secret.
   */
  void replaceText(Call call) throws IOException {
    JsonBody body = JsonBody.parse(call.body(MAX_CONFIG_BODY), List.of("text", "version"));
    String text = body.string("text");
    String version = body.string("version");
    Home files = files();
    ConfigFile.Snapshot now = snapshot(files);
    if (!now.version().equals(version)) {
      throw changed(now.version());
    }
    checkNoMask(now.whole(), text);
    String written;
    try {
      written = editor.replaceText(files, text, version);
    } catch (StaleConfigException e) {
      throw changed(e.current());
    } catch (InvalidConfigException e) {
      throw refused(e, "nothing was written");
    }
    call.json(200, Map.of("version", written));
  }

  /**
   * GET answered the mask in place of each secret value the file holds; the same text sent back
   * would write the mask over the secret. So a text that holds the mask more often than the file
   * does, while the file holds a secret, is refused.
   */
  private void checkNoMask(String current, String text) {
    boolean secrets = !home.redactor().redact(current).equals(current);
    if (secrets && count(text, MASK) > count(current, MASK)) {
      throw ApiProblem.of(
          422,
          ApiProblem.MASKED_SECRET,
          "The text still holds a masked secret",
          "the text holds "
              + MASK
              + " where tasks_config.json holds a secret value from .env, and saving it would"
              + " write "
              + MASK
              + " over the secret; keep secrets in .env and reference them as ${NAME}, e.g."
              + " \"command\": \"curl -H 'Authorization: Bearer ${API_TOKEN}' ...\"");
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  private static ConfigFile.Snapshot snapshot(Home files) throws IOException {
    try {
      return ConfigFile.read(files.configFile());
    } catch (NoSuchFileException e) {
      throw ApiProblem.http(404, files.configFile().getFileName() + " does not exist");
    } catch (CharacterCodingException e) {
      throw ApiProblem.http(422, files.configFile().getFileName() + " is not UTF-8");
    }
  }

  private static ApiProblem changed(String current) {
    return ApiProblem.of(
        409,
        ApiProblem.CONFIG_CHANGED,
        "The file changed",
        "tasks_config.json changed since that version (it is at "
            + current
            + " now); GET /api/v1/config again and redo the edit");
  }

  /** An unknown task as 404, every other refusal as 422 with each problem. */
  private static ApiProblem refused(InvalidConfigException e, String what) {
    if (e instanceof UnknownTaskException unknown) {
      Problem p = unknown.problems().get(0);
      return ApiProblem.of(
          404,
          ApiProblem.UNKNOWN_TASK,
          "No such task",
          p.message()
              + " in "
              + p.file().getFileName()
              + (p.hint() != null ? "; " + p.hint() : "; GET /api/v1/tasks lists them"));
    }
    return ApiProblem.config(422, ApiProblem.CONFIG_INVALID, "Refused: " + what, e.problems());
  }

  private static String location(String name) {
    try {
      return new URI(null, null, "/api/v1/tasks/" + name, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
