package dev.runner.task.backup;

import dev.runner.task.Task;
import dev.runner.task.TaskContext;
import dev.runner.task.TaskResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes one archive (to a temp file, renamed when complete) and removes this task's own archives
 * beyond {@code keep}. It never deletes anything else.
 */
record BackupTask(BackupSpec spec) implements Task {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  @Override
  public TaskResult run(TaskContext context) throws Exception {
    Path home = context.home();
    Path dest = home.resolve(spec.dest()).normalize();
    List<Path> sources = new ArrayList<>();
    for (Path path : spec.paths()) {
      Path source = home.resolve(path).normalize();
      if (!Files.exists(source)) {
        return TaskResult.businessFailure("nothing to back up at " + source);
      }
      sources.add(source);
    }
    Files.createDirectories(dest);
    String stamp = LocalDateTime.ofInstant(context.scheduledFor(), context.zone()).format(STAMP);
    String base = spec.name() + "-" + stamp;
    // the run's own, as two runs of one second may write at once
    Path partial =
        dest.resolve("." + base + "." + spec.format() + "." + context.runId() + ".partial");
    Path scratch = Files.createTempDirectory("runner-backup");
    Counts counts = new Counts();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(ownerOnly(partial)))) {
      Writer writer = spec.format().equals("zip") ? new Zip(out) : new Tar(out);
      for (Path source : sources) {
        addTree(writer, source, source.getFileName().toString(), scratch, dest, counts, context);
      }
      writer.finish();
    } catch (IOException | SQLException e) {
      Files.deleteIfExists(partial);
      return TaskResult.technicalFailure("backup failed: " + e.getMessage());
    } finally {
      deleteTree(scratch);
    }
    Path archive = reserve(dest, base);
    try {
      Files.move(
          partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(archive); // an empty name left behind would count as an archive
      throw e;
    }
    List<Path> removed = prune(dest);
    long size = Files.size(archive);
    context.log("wrote " + archive + " (" + counts.files + " files, " + size + " bytes)");
    removed.forEach(old -> context.log("removed old archive " + old.getFileName()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("archive", archive.toString());
    details.put("files", counts.files);
    details.put("databases", counts.databases);
    details.put("bytes", size);
    details.put("removed", removed.stream().map(p -> p.getFileName().toString()).toList());
    return new TaskResult.Success(
        "archived " + counts.files + " files (" + human(size) + ") into " + archive.getFileName(),
        details);
  }

  private static final class Counts {
    int files;
    int databases;
  }

  private void addTree(
      Writer writer,
      Path source,
      String name,
      Path scratch,
      Path dest,
      Counts counts,
      TaskContext context)
      throws IOException, SQLException {
    if (context.cancellation().isCancelled()) {
      throw new IOException("stopped");
    }
    if (source.startsWith(dest)) {
      return; // a backup folder inside what it backs up holds its own archives
    }
    if (Files.isDirectory(source)) {
      List<Path> children;
      try (Stream<Path> list = Files.list(source)) {
        children = list.sorted().toList();
      }
      for (Path child : children) {
        addTree(writer, child, name + "/" + child.getFileName(), scratch, dest, counts, context);
      }
      return;
    }
    if (!Files.isRegularFile(source)) {
      return; // sockets, pipes: nothing to keep
    }
    Path file = source;
    if (isSqlite(source)) {
      file = scratch.resolve("db-" + counts.databases + ".sqlite");
      copyDatabase(source, file);
      counts.databases++;
    }
    writer.add(name, file);
    counts.files++;
  }

  private static boolean isSqlite(Path file) throws IOException {
    if (Files.size(file) < SQLITE_HEADER.length) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    }
  }

  /** SQLite's online backup: a consistent copy even while another process writes. */
  private static void copyDatabase(Path source, Path copy) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("backup to '" + copy.toString().replace("'", "''") + "'");
    }
  }

  /**
   * An archive holds what its sources hold, {@code .env} and the database among them, so it is its
   * owner's alone, whatever the umask; a file system without POSIX modes (a CIFS share) keeps its
   * own rules.
   */
  private static Path ownerOnly(Path file) throws IOException {
    Files.deleteIfExists(file); // a partial left by a crashed attempt of this run
    try {
      return Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createFile(file);
    }
  }

  /**
   * The archive's name: {@code NAME-STAMP.FORMAT}, or {@code NAME-STAMP-2.FORMAT}, {@code -3}, …
   * when a run in the same second (two runs by hand, a retry) made one already, which must not be
   * overwritten. Creating the file claims the name at once, so two runs never take the same one.
   */
  private Path reserve(Path dest, String base) throws IOException {
    for (int n = 1; ; n++) {
      Path candidate = dest.resolve(base + (n == 1 ? "" : "-" + n) + "." + spec.format());
      try {
        Files.createFile(candidate);
        return candidate;
      } catch (FileAlreadyExistsException taken) {
        // the next number
      }
    }
  }

  /** This task's archives beyond the newest {@code keep}; nothing else is touched. */
  private List<Path> prune(Path dest) throws IOException {
    Pattern own =
        Pattern.compile(
            Pattern.quote(spec.name())
                + "-(\\d{8}-\\d{6})(?:-(\\d{1,9}))?\\."
                + Pattern.quote(spec.format()));
    // newest first: by stamp, then by number within a second (a name alone sorts -2 before -10)
    Comparator<Matcher> newest =
        Comparator.<Matcher, String>comparing(m -> m.group(1))
            .thenComparingLong(m -> m.group(2) == null ? 1 : Long.parseLong(m.group(2)))
            .reversed();
    List<Path> archives;
    try (Stream<Path> list = Files.list(dest)) {
      archives =
          list.map(p -> own.matcher(p.getFileName().toString()))
              .filter(Matcher::matches)
              .sorted(newest)
              .map(m -> dest.resolve(m.group()))
              .toList();
    }
    List<Path> removed = new ArrayList<>();
    for (Path old : archives.subList(Math.min(spec.keep(), archives.size()), archives.size())) {
      Files.delete(old);
      removed.add(old);
    }
    return removed;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    return String.format("%.1f MB", bytes / (1024.0 * 1024));
  }

  private interface Writer {
    void add(String name, Path file) throws IOException;

    void finish() throws IOException;
  }

  private static final class Tar implements Writer {
    private final TarArchiveOutputStream tar;

    Tar(OutputStream out) throws IOException {
      tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out), "UTF-8");
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    @Override
    public void add(String name, Path file) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(file, name);
      tar.putArchiveEntry(entry);
      Files.copy(file, tar);
      tar.closeArchiveEntry();
    }

    @Override
    public void finish() throws IOException {
      tar.finish();
      tar.close();
    }
  }

  private static final class Zip implements Writer {
    private final ZipOutputStream zip;

    Zip(OutputStream out) {
      zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    @Override
    public void add(String name, Path file) throws IOException {
      ZipEntry entry = new ZipEntry(name);
      entry.setLastModifiedTime(Files.getLastModifiedTime(file));
      zip.putNextEntry(entry);
      Files.copy(file, zip);
      zip.closeEntry();
    }

    @Override
    public void finish() throws IOException {
      zip.finish();
      zip.close();
    }
  }
}
