package dev.runner.task.backup;

import dev.runner.task.Task;
import dev.runner.task.TaskFields;
import dev.runner.task.TaskType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code "type": "backup"}: archives files and folders into {@code dest} as timestamped {@code
 * .tar.gz} or {@code .zip} files, SQLite databases through the online backup API, keeping the last
 * {@code keep}.
 */
public final class BackupTaskType implements TaskType {

  @Override
  public String name() {
    return "backup";
  }

  @Override
  public Set<String> fields() {
    return Set.of("paths", "dest", "keep", "format", "name");
  }

  @Override
  public Task configure(TaskFields fields) {
    List<String> paths = fields.strings("paths").orElse(List.of());
    if (paths.isEmpty()) {
      fields.problem("paths", "a backup needs paths", "e.g. [\"notes\", \"task_log.db\"]");
    }
    String dest = fields.string("dest").orElse(null);
    if (dest == null) {
      fields.problem("dest", "a backup needs a dest folder", "e.g. \"/srv/backup\"");
    }
    long keep = fields.integer("keep").orElse(7L);
    if (keep < 1) {
      fields.problem("keep", "keep at least one archive", null);
    }
    String format = fields.string("format").orElse("tar.gz");
    if (!format.equals("tar.gz") && !format.equals("zip")) {
      fields.problem("format", "'" + format + "' is not tar.gz or zip", null);
    }
    String name = fields.string("name").orElse(fields.taskName());
    // a task's name is a valid default: letters of any script, as task names may hold
    if (!name.matches("[\\p{L}\\p{M}0-9_.-]+")) {
      fields.problem(
          "name", "an archive name may hold letters (of any script), 0-9, '_', '.' and '-'", null);
    }
    return new BackupTask(
        new BackupSpec(
            paths.stream().map(Path::of).toList(),
            dest == null ? Path.of(".") : Path.of(dest),
            (int) keep,
            format,
            name));
  }
}
