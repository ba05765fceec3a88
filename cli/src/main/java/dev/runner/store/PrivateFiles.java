package dev.runner.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How runner makes every file and folder in a home: its owner's alone, files 0600 and folders 0700.
 * The database, the logs and the journal hold what tasks printed and sent, secrets included, and
 * the rest tells what runs when. The mode goes to the system call that creates, so the umask
 * (cron's is often 022) can only narrow it, and no file is ever wider for a moment.
 *
 * <p>Only JDK classes here: {@code IdleRecord} and {@code PassMark}, on the idle tick's path, use
 * it.
 */
public final class PrivateFiles {

  private static final FileAttribute<Set<PosixFilePermission>> FOLDER =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<Set<PosixFilePermission>> FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private PrivateFiles() {}

  /** The folder, made with any missing parents (each 0700); an existing one is left as it is. */
  public static Path createDirectories(Path folder) throws IOException {
    return Files.isDirectory(folder) ? folder : Files.createDirectories(folder, FOLDER);
  }

  /** The file, made empty (and its missing folders) if it is not there; an existing one is kept. */
  public static Path create(Path file) throws IOException {
    if (!Files.exists(file)) {
      createParent(file);
      try {
        Files.createFile(file, FILE);
      } catch (FileAlreadyExistsException ignored) {
        // another process made it first
      }
    }
    return file;
  }

  /**
   * Opens the file with {@code options}; when they create it, it is made 0600 (its folders 0700).
   */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> set = Set.of(options);
    if (set.contains(StandardOpenOption.CREATE) || set.contains(StandardOpenOption.CREATE_NEW)) {
      createParent(file);
    }
    return FileChannel.open(file, set, FILE);
  }

  /**
   * Replaces the file's text in one step (a reader sees the old text or the new, never a part),
   * through a sibling made 0600: the file is private afterwards even if it was not.
   */
  public static void write(Path file, String text) throws IOException {
    copy(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file);
  }

  /** As {@link #write}, with what {@code in} holds. */
  public static void copy(InputStream in, Path file) throws IOException {
    createParent(file);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try (OutputStream out =
        Channels.newOutputStream(
            FileChannel.open(
                temp,
                Set.of(
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING),
                FILE))) {
      in.transferTo(out);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
  }
}
