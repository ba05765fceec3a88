package dev.runner.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Edits {@code tasks_config.json} in place: switches tasks on and off, creates, replaces and
 * deletes one, or replaces the whole text. Every other field, the key order, comments, indentation,
 * line endings, a byte order mark and non-ASCII text stay as they are. Each result is validated as
 * {@code runner validate} validates (the same loader), and written atomically ({@link ConfigFile})
 * only when valid, one edit at a time ({@link ConfigLock}).
 */
public final class ConfigEditor {

  private final ConfigLoader loader;
  private final ConfigLock lock = new ConfigLock();

  public ConfigEditor(ConfigLoader loader) {
    this.loader = loader;
  }

  /** The outcome per task: changed, or already so. */
  public record Change(String task, boolean changed) {}

  /** The file as read for an edit: its snapshot and root object. */
  private record Parsed(Path file, ConfigFile.Snapshot snapshot, JsonValue.Obj root) {
    String text() {
      return snapshot.text();
    }
  }

  /**
   * Every problem {@code runner validate} reports for {@code text} in the config file's place (a
   * byte order mark is skipped); empty when it is valid.
   */
  public List<Problem> problems(Home home, String text) {
    try {
      return loader.load(home, JsonReader.withoutBom(text)).problems();
    } catch (InvalidConfigException e) {
      return e.problems();
    }
  }

  public List<Change> setEnabled(Home home, List<String> tasks, boolean enabled)
      throws InvalidConfigException, IOException {
    try (ConfigLock.Held held = lock.acquire(home)) {
      Parsed parsed = parse(home);
      String text = parsed.text();
      List<Edit> edits = new ArrayList<>();
      List<Change> changes = new ArrayList<>();
      String literal = Boolean.toString(enabled);
      for (String name : tasks) {
        JsonValue.Member member = existing(parsed, name);
        if (!(member.value() instanceof JsonValue.Obj task)) {
          continue; // the validation below reports it
        }
        JsonValue current = task.get("enabled");
        if (current instanceof JsonValue.Bool b) {
          changes.add(new Change(name, b.value() != enabled));
          if (b.value() != enabled) {
            edits.add(
                new Edit(b.position().offset(), Boolean.toString(b.value()).length(), literal));
          }
        } else if (current == null) {
          changes.add(new Change(name, !enabled));
          if (!enabled) {
            edits.add(insertion(text, task, literal));
          }
        }
      }
      edits.sort(Comparator.comparingInt(Edit::offset).reversed());
      StringBuilder edited = new StringBuilder(text);
      for (Edit edit : edits) {
        edited.replace(edit.offset(), edit.offset() + edit.length(), edit.replacement());
      }
      String result = edited.toString();
      // Nothing is written when the file would not load, or when a task enabled here would be
      // invalid: enabled, it would not run. Disabling one that is invalid is how to quiet it.
      RunnerConfig loaded = loader.load(home, result);
      if (enabled) {
        List<Problem> named =
            loaded.invalid().stream()
                .filter(t -> tasks.contains(t.name()))
                .flatMap(t -> t.problems().stream())
                .toList();
        if (!named.isEmpty()) {
          throw new InvalidConfigException(named);
        }
      }
      if (!result.equals(text)) {
        ConfigFile.write(parsed.file(), parsed.snapshot().bom() + result);
      }
      return changes;
    }
  }

  /**
   * Adds {@code "name": task} after the last task, laid out as the file is.
   *
   * @throws TaskExistsException when the file has a task of that name
   * @throws InvalidConfigException when the file or the result does not validate: nothing written
   */
  public void create(Home home, String name, Map<String, Object> task)
      throws InvalidConfigException, TaskExistsException, IOException {
    try (ConfigLock.Held held = lock.acquire(home)) {
      Parsed parsed = parse(home);
      if (name.equals("$schema")) {
        throw new InvalidConfigException(
            List.of(
                new Problem(
                    parsed.file(),
                    Position.START,
                    name,
                    "$schema names the file's JSON schema, not a task",
                    "choose another name")));
      }
      if (parsed.root().members().containsKey(name)) {
        throw new TaskExistsException(name);
      }
      writeValid(home, parsed, new TaskText(parsed.text(), parsed.root()).create(name, task));
    }
  }

  /**
   * Replaces the task's fields with {@code task}, in the layout its value had.
   *
   * @throws UnknownTaskException when the file has no such task
   * @throws InvalidConfigException when the result does not validate: nothing written
   */
  public void replace(Home home, String name, Map<String, Object> task)
      throws InvalidConfigException, IOException {
    try (ConfigLock.Held held = lock.acquire(home)) {
      Parsed parsed = parse(home);
      existing(parsed, name);
      writeValid(home, parsed, new TaskText(parsed.text(), parsed.root()).replace(name, task));
    }
  }

  /**
   * Removes the task and its comma.
   *
   * @throws UnknownTaskException when the file has no such task
   * @throws InvalidConfigException when other tasks depend on it (each named at its {@code
   *     depends_on}), or the result does not validate: nothing written
   */
  public void delete(Home home, String name) throws InvalidConfigException, IOException {
    try (ConfigLock.Held held = lock.acquire(home)) {
      Parsed parsed = parse(home);
      existing(parsed, name);
      List<Problem> dependents = dependents(parsed, name);
      if (!dependents.isEmpty()) {
        throw new InvalidConfigException(dependents);
      }
      writeValid(home, parsed, new TaskText(parsed.text(), parsed.root()).delete(name));
    }
  }

  /**
   * Writes {@code text} as given over the file, when the file is still at {@code version} and the
   * text validates.
   *
   * @return the new version
   * @throws StaleConfigException when the file changed since {@code version}
   * @throws InvalidConfigException when the text does not validate: nothing written
   */
  public String replaceText(Home home, String text, String version)
      throws InvalidConfigException, StaleConfigException, IOException {
    try (ConfigLock.Held held = lock.acquire(home)) {
      ConfigFile.Snapshot now = ConfigFile.read(home.configFile());
      if (!now.version().equals(version)) {
        throw new StaleConfigException(now.version());
      }
      List<Problem> problems = problems(home, text);
      if (!problems.isEmpty()) {
        throw new InvalidConfigException(problems);
      }
      return ConfigFile.write(home.configFile(), text);
    }
  }

  private void writeValid(Home home, Parsed parsed, String result)
      throws InvalidConfigException, IOException {
    List<Problem> problems = problems(home, result);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    ConfigFile.write(parsed.file(), parsed.snapshot().bom() + result);
  }

  private static Parsed parse(Home home) throws InvalidConfigException, IOException {
    Path file = home.configFile();
    ConfigFile.Snapshot snapshot;
    try {
      snapshot = ConfigFile.read(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidConfigException(
          List.of(
              new Problem(
                  file, Position.START, null, "the file is not UTF-8", "save it as UTF-8")));
    }
    JsonValue root;
    try {
      root = new JsonReader().read(snapshot.text(), new ArrayList<>(), file);
    } catch (JsonReader.SyntaxError e) {
      throw new InvalidConfigException(
          List.of(new Problem(file, e.position, null, e.getMessage(), "fix the file first")));
    }
    if (!(root instanceof JsonValue.Obj all)) {
      throw new InvalidConfigException(
          List.of(new Problem(file, root.position(), null, "not an object of tasks", null)));
    }
    return new Parsed(file, snapshot, all);
  }

  private static JsonValue.Member existing(Parsed parsed, String name) throws UnknownTaskException {
    JsonValue.Member member = parsed.root().members().get(name);
    if (member == null || name.equals("$schema")) {
      throw new UnknownTaskException(
          new Problem(
              parsed.file(),
              parsed.root().position(),
              name,
              "no task named \"" + name + "\"",
              Suggest.didYouMean(
                  name,
                  parsed.root().members().keySet().stream()
                      .filter(k -> !k.equals("$schema"))
                      .toList())),
          name);
    }
    return member;
  }

  /** The tasks that name {@code name} in their {@code depends_on}, each at that entry. */
  private static List<Problem> dependents(Parsed parsed, String name) {
    List<Problem> out = new ArrayList<>();
    for (JsonValue.Member member : parsed.root().members().values()) {
      if (member.key().equals(name)
          || !(member.value() instanceof JsonValue.Obj task)
          || !(task.get("depends_on") instanceof JsonValue.Arr upstreams)) {
        continue;
      }
      for (JsonValue item : upstreams.items()) {
        if (item instanceof JsonValue.Str s && s.value().equals(name)) {
          out.add(
              new Problem(
                  parsed.file(),
                  item.position(),
                  member.key() + ".depends_on",
                  member.key() + " depends on \"" + name + "\", which would be deleted",
                  "remove \"" + name + "\" from its depends_on first, or delete " + member.key()));
        }
      }
    }
    return out;
  }

  /** {@code "enabled": false} as the task's first field, in the style of the fields after it. */
  private static Edit insertion(String text, JsonValue.Obj task, String literal) {
    int brace = task.position().offset();
    if (task.members().isEmpty()) {
      return new Edit(brace + 1, 0, " \"enabled\": " + literal + " ");
    }
    int first = task.members().values().iterator().next().keyPosition().offset();
    String gap = text.substring(brace + 1, first);
    String separator = gap.contains("\n") ? "," + gap : ", ";
    return new Edit(first, 0, "\"enabled\": " + literal + separator);
  }

  private record Edit(int offset, int length, String replacement) {}
}
