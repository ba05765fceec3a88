package dev.runner.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code tasks_config.json} as bytes on disk: read with the version a writer compares against
 * (their SHA-256, so any change is seen, whoever made it), and written atomically: a temp file
 * beside it, flushed to disk, renamed over it, so a reader, a tick or a crash sees the old file or
 * the new one, never half of one.
 */
public final class ConfigFile {

  private ConfigFile() {}

  /**
   * The file's content: {@code text} without its byte order mark, and the mark it had, kept when an
   * edit is written back.
   */
  public record Snapshot(String bom, String text, String version) {

    /** The text as the file holds it, mark included. */
    public String whole() {
      return bom + text;
    }
  }

  /**
   * @throws CharacterCodingException when the file is not UTF-8
   */
  public static Snapshot read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String whole = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    String bom = whole.startsWith(JsonReader.BOM) ? JsonReader.BOM : "";
    return new Snapshot(bom, whole.substring(bom.length()), version(bytes));
  }

  /** The version of these bytes: their SHA-256, in hex. */
  public static String version(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Replaces the file with {@code text} (UTF-8), keeping its permissions; the new version. */
  public static String write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path temp =
        file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncFolder(file);
    } finally {
      Files.deleteIfExists(temp);
    }
    return version(bytes);
  }

  /**
   * The rename itself is on disk only once the folder is: a crash just after keeps the new file.
   */
  private static void syncFolder(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // some file systems do not open folders; the rename is still atomic
    }
  }
}
