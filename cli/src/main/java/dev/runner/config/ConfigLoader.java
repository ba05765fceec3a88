package dev.runner.config;

import dev.runner.schedule.Durations;
import dev.runner.store.postgres.PostgresUrl;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a home's {@code .env} and {@code tasks_config.json} into a {@link RunnerConfig}: parse,
 * apply defaults and check everything. A problem of the files as a whole (not readable, not JSON, a
 * bad setting in {@code .env}) throws with every problem found; a problem confined to a task makes
 * that task, and the tasks that depend on it, invalid, and the rest load.
 */
public final class ConfigLoader {

  private final java.util.function.Supplier<TaskTypes> typesSource;
  private TaskTypes types;
  private final Map<String, String> processEnv;
  private final ZoneId systemZone;

  public ConfigLoader(TaskTypes types, Map<String, String> processEnv, ZoneId systemZone) {
    this(() -> types, processEnv, systemZone);
  }

  /** Task types found only when tasks are read: reading the settings alone needs none. */
  public ConfigLoader(
      java.util.function.Supplier<TaskTypes> types,
      Map<String, String> processEnv,
      ZoneId systemZone) {
    this.typesSource = types;
    this.processEnv = Map.copyOf(processEnv);
    this.systemZone = systemZone;
  }

  public RunnerConfig load(Home home) throws InvalidConfigException {
    return load(home, null);
  }

  /**
   * Loads with {@code configText} in place of the config file's content (null: read the file), so
   * an edit can be checked before it is written.
   */
  public RunnerConfig load(Home home, String configText) throws InvalidConfigException {
    types = typesSource.get();
    List<Problem> problems = new ArrayList<>(types.problems());
    Map<String, Position> envPositions = new HashMap<>();
    Environment environment =
        new Environment(readEnvFile(home.envFile(), envPositions, problems), processEnv);
    Settings settings = readSettings(home, environment, envPositions, problems);

    Tasks tasks = new Tasks(List.of(), List.of(), Map.of());
    String text = configText != null ? configText : readText(home.configFile(), problems);
    if (text != null) {
      tasks = readTasks(text, home.configFile(), environment, settings, problems);
    }
    // a problem may quote a value a ${VAR} put there, and validate's output is mailed by cron
    Redactor redactor = new Redactor(environment.secretValues());
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(masked(problems, redactor));
    }
    List<InvalidTask> invalid =
        tasks.invalid().stream()
            .map(t -> new InvalidTask(t.name(), masked(t.problems(), redactor)))
            .toList();
    return new RunnerConfig(home, tasks.valid(), invalid, tasks.written(), environment, settings);
  }

  private record Tasks(
      List<TaskDef> valid, List<InvalidTask> invalid, Map<String, Map<String, Object>> written) {}

  private static List<Problem> masked(List<Problem> problems, Redactor redactor) {
    return problems.stream()
        .map(
            p ->
                new Problem(
                    p.file(),
                    p.position(),
                    p.path(),
                    redactor.redact(p.message()),
                    redactor.redact(p.hint())))
        .toList();
  }

  /**
   * The environment and settings alone, with no tasks: for commands that only read history and need
   * not pay for parsing and checking every task.
   */
  public RunnerConfig loadSettings(Home home) throws InvalidConfigException {
    List<Problem> problems = new ArrayList<>();
    Map<String, Position> positions = new HashMap<>();
    Environment environment =
        new Environment(readEnvFile(home.envFile(), positions, problems), processEnv);
    Settings settings = readSettings(home, environment, positions, problems);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new RunnerConfig(home, List.of(), environment, settings);
  }

  private Tasks readTasks(
      String text, Path file, Environment environment, Settings settings, List<Problem> problems) {
    JsonValue root;
    try {
      root = new JsonReader().read(text, problems, file);
    } catch (JsonReader.SyntaxError e) {
      problems.add(
          new Problem(file, e.position, null, e.getMessage(), "the file must be valid JSON"));
      return new Tasks(List.of(), List.of(), Map.of());
    }
    if (!(root instanceof JsonValue.Obj tasksObject)) {
      problems.add(
          new Problem(
              file,
              root.position(),
              null,
              "the file holds " + root.kind() + ", not an object of tasks",
              "write {\"task_name\": {\"cron\": \"0 0 * * *\", ...}}"));
      return new Tasks(List.of(), List.of(), Map.of());
    }
    List<Problem> found = new ArrayList<>();
    TaskReader reader = new TaskReader(file, types, environment, settings.zone(), found);
    Map<String, TaskDef> tasks = new LinkedHashMap<>();
    Map<String, JsonValue.Member> members = new LinkedHashMap<>();
    Map<String, Map<String, Object>> written = new LinkedHashMap<>();
    Map<String, List<Problem>> invalid = new LinkedHashMap<>();
    for (JsonValue.Member member : tasksObject.members().values()) {
      if (member.key().equals("$schema")) {
        continue;
      }
      members.put(member.key(), member);
      if (member.value() instanceof JsonValue.Obj obj) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) JsonValue.toPlain(obj);
        written.put(member.key(), fields);
      }
      found.clear();
      TaskDef task = reader.read(member);
      if (task != null && found.isEmpty()) {
        tasks.put(task.name(), task);
      } else {
        invalid.put(member.key(), new ArrayList<>(found));
      }
    }
    new DependencyCheck(file, members, invalid).check();
    invalidateDependents(file, members, tasks, invalid);
    tasks.keySet().removeAll(invalid.keySet());
    List<InvalidTask> out = new ArrayList<>();
    for (String name : members.keySet()) { // file order
      if (invalid.containsKey(name)) {
        out.add(new InvalidTask(name, invalid.get(name)));
      }
    }
    return new Tasks(new ArrayList<>(tasks.values()), out, written);
  }

  /** A task that waits for an invalid one could never be triggered: it is invalid too. */
  private static void invalidateDependents(
      Path file,
      Map<String, JsonValue.Member> members,
      Map<String, TaskDef> tasks,
      Map<String, List<Problem>> invalid) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TaskDef task : tasks.values()) {
        if (invalid.containsKey(task.name())) {
          continue;
        }
        for (String upstream : task.dependsOn()) {
          if (invalid.containsKey(upstream)) {
            JsonValue at = ((JsonValue.Obj) members.get(task.name()).value()).get("depends_on");
            invalid.put(
                task.name(),
                List.of(
                    new Problem(
                        file,
                        at.position(),
                        task.name() + ".depends_on",
                        "depends on \"" + upstream + "\", which is invalid",
                        "fix " + upstream + " (its problems are listed too), or drop it here")));
            changed = true;
            break;
          }
        }
      }
    }
  }

  private static Map<String, String> readEnvFile(
      Path file, Map<String, Position> positions, List<Problem> problems) {
    if (!Files.exists(file)) {
      return Map.of();
    }
    String text = readText(file, problems);
    return text == null ? Map.of() : DotEnvParser.parse(text, file, positions, problems);
  }

  private static String readText(Path file, List<Problem> problems) {
    try {
      return JsonReader.withoutBom(
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString());
    } catch (NoSuchFileException e) {
      problems.add(
          new Problem(
              file,
              Position.START,
              null,
              "file not found (" + file + ")",
              "create it (see README, Quick start), or point --home or --config at it"));
    } catch (CharacterCodingException e) {
      problems.add(
          new Problem(file, Position.START, null, "the file is not UTF-8", "save it as UTF-8"));
    } catch (IOException e) {
      problems.add(new Problem(file, Position.START, null, "cannot read: " + e, null));
    }
    return null;
  }

  private Settings readSettings(
      Home home, Environment env, Map<String, Position> positions, List<Problem> problems) {
    Path envFile = home.envFile();
    int workers = positiveInt(env, "RUNNER_MAX_WORKERS", 4, envFile, positions, problems);
    int historyDays = positiveInt(env, "RUNNER_HISTORY_DAYS", 90, envFile, positions, problems);
    int logDays = positiveInt(env, "RUNNER_LOG_DAYS", 7, envFile, positions, problems);
    int auditDays = positiveInt(env, "RUNNER_AUDIT_DAYS", 365, envFile, positions, problems);
    long maxOutput = Settings.DEFAULT_MAX_OUTPUT;
    String outputText = env.get("RUNNER_MAX_OUTPUT");
    if (outputText != null && !outputText.isBlank()) {
      try {
        maxOutput = Sizes.parse(outputText);
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                envFile,
                positions.getOrDefault("RUNNER_MAX_OUTPUT", Position.START),
                "RUNNER_MAX_OUTPUT",
                e.getMessage(),
                "the default is 50MB; 0 keeps every line"));
      }
    }
    ZoneId zone = systemZone;
    String zoneText = env.get("RUNNER_TIMEZONE");
    if (zoneText != null && !zoneText.isBlank()) {
      try {
        zone = ZoneId.of(zoneText.strip());
      } catch (DateTimeException e) {
        problems.add(
            new Problem(
                envFile,
                positions.getOrDefault("RUNNER_TIMEZONE", Position.START),
                "RUNNER_TIMEZONE",
                "'" + zoneText + "' is not a time zone",
                Zones.hint(zoneText)));
      }
    }
    String db = env.get("RUNNER_DB", "task_log.db");
    PostgresUrl postgres = null;
    if (PostgresUrl.named(db)) {
      try {
        postgres = PostgresUrl.parse(db);
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                envFile,
                positions.getOrDefault("RUNNER_DB", Position.START),
                "RUNNER_DB",
                e.getMessage(),
                "a SQLite file (the default, task_log.db) or postgresql://USER@HOST:PORT/DB"));
      }
    }
    String password = env.get("RUNNER_DB_PASSWORD");
    return new Settings(
        postgres == null && !PostgresUrl.named(db) ? home.resolve(db) : home.resolve("task_log.db"),
        postgres,
        password == null || password.isEmpty() ? null : new Secret(password),
        hostId(env.get("RUNNER_HOST_ID")),
        deadAfter(env, envFile, positions, problems),
        home.resolve(env.get("RUNNER_LOG_DIR", "logs")),
        workers,
        zone,
        historyDays,
        logDays,
        auditDays,
        maxOutput);
  }

  /** The default: six missed beats (one each 10 s) before a host's runs count as crashed. */
  static final Duration DEAD_AFTER = Duration.ofSeconds(60);

  private static Duration deadAfter(
      Environment env, Path envFile, Map<String, Position> positions, List<Problem> problems) {
    String text = env.get("RUNNER_DEAD_AFTER");
    if (text == null || text.isBlank()) {
      return DEAD_AFTER;
    }
    try {
      Duration value = Durations.parse(text.strip());
      if (value.compareTo(Duration.ofSeconds(2)) >= 0) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      // said below, with the rest
    }
    problems.add(
        new Problem(
            envFile,
            positions.getOrDefault("RUNNER_DEAD_AFTER", Position.START),
            "RUNNER_DEAD_AFTER",
            "'" + text + "' is not a duration of 2s or more",
            "the default is 60s: a host silent that long has its runs recorded crashed"));
    return DEAD_AFTER;
  }

  private static String hostId(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int positiveInt(
      Environment env,
      String key,
      int fallback,
      Path envFile,
      Map<String, Position> positions,
      List<Problem> problems) {
    String text = env.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.add(
        new Problem(
            envFile,
            positions.getOrDefault(key, Position.START),
            key,
            "'" + text + "' is not a positive whole number",
            "the default is " + fallback));
    return fallback;
  }
}
