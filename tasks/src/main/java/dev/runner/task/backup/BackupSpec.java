package dev.runner.task.backup;

import java.nio.file.Path;
import java.util.List;

/** A backup's fields; relative paths are read from the runner's home. */
record BackupSpec(List<Path> paths, Path dest, int keep, String format, String name) {
  BackupSpec {
    paths = List.copyOf(paths);
  }
}
