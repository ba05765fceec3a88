package dev.runner.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Switches tasks on and off in {@code tasks_config.json} by editing the text in place: every other
 * field, the key order, comments-free formatting, indentation and non-ASCII text stay as they are.
 * The result is validated before it is written, and written atomically (temp file + rename).
 */
public final class ConfigEditor {

  private final ConfigLoader loader;

  public ConfigEditor(ConfigLoader loader) {
    this.loader = loader;
  }

  /** The outcome per task: changed, or already so. */
  public record Change(String task, boolean changed) {}

  public List<Change> setEnabled(Home home, List<String> tasks, boolean enabled)
      throws InvalidConfigException, IOException {
    Path file = home.configFile();
    String raw = Files.readString(file, StandardCharsets.UTF_8);
    String bom = raw.startsWith(JsonReader.BOM) ? JsonReader.BOM : ""; // kept as the file had it
    String text = raw.substring(bom.length());
    List<Problem> problems = new ArrayList<>();
    JsonValue root;
    try {
      root = new JsonReader().read(text, problems, file);
    } catch (JsonReader.SyntaxError e) {
      throw new InvalidConfigException(
          List.of(new Problem(file, e.position, null, e.getMessage(), "fix the file first")));
    }
    if (!(root instanceof JsonValue.Obj all)) {
      throw new InvalidConfigException(
          List.of(new Problem(file, root.position(), null, "not an object of tasks", null)));
    }
    List<Edit> edits = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    String literal = Boolean.toString(enabled);
    for (String name : tasks) {
      JsonValue.Member member = all.members().get(name);
      if (member == null || name.equals("$schema")) {
        throw new InvalidConfigException(
            List.of(
                new Problem(
                    file,
                    all.position(),
                    name,
                    "no task named \"" + name + "\"",
                    Suggest.didYouMean(name, all.members().keySet()))));
      }
      if (!(member.value() instanceof JsonValue.Obj task)) {
        continue; // the validation below reports it
      }
      JsonValue current = task.get("enabled");
      if (current instanceof JsonValue.Bool b) {
        changes.add(new Change(name, b.value() != enabled));
        if (b.value() != enabled) {
          edits.add(new Edit(b.position().offset(), Boolean.toString(b.value()).length(), literal));
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
      writeAtomically(file, bom + result);
    }
    return changes;
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

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temp =
        file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
