package dev.runner.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run log's lines, read in constant memory whatever its size: all of it, its first lines, or its
 * last (found by reading back from the end in blocks). A newline byte is never part of another
 * UTF-8 character, so lines are cut on bytes and Chinese text comes through whole.
 */
public final class LogLines {

  private static final int BLOCK = 64 * 1024;

  private LogLines() {}

  /** The whole file, in blocks. */
  public static void all(Path file, Writer out) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.transferTo(out);
    }
  }

  /** The first {@code lines} lines. */
  public static void head(Path file, long lines, Writer out) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      for (long i = 0; i < lines && (line = in.readLine()) != null; i++) {
        out.write(line);
        out.write('\n');
      }
    }
  }

  /** The last {@code lines} lines (a last line without its newline counts as one). */
  public static void tail(Path file, long lines, Writer out) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(start(channel, channel.size(), lines));
      Reader in = Channels.newReader(channel, StandardCharsets.UTF_8);
      in.transferTo(out);
    }
  }

  /** Where the last {@code lines} lines begin: after the newline that comes before them. */
  private static long start(FileChannel channel, long end, long lines) throws IOException {
    if (lines <= 0) {
      return end;
    }
    ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
    long newlines = 0;
    long at = end;
    boolean last = true; // the file's final newline ends the last line, it does not start one
    while (at > 0) {
      int size = (int) Math.min(BLOCK, at);
      at -= size;
      buffer.clear().limit(size);
      channel.read(buffer, at);
      for (int i = size - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          if (last && at + i == end - 1) {
            continue;
          }
          if (++newlines == lines) {
            return at + i + 1;
          }
        }
        last = false;
      }
    }
    return 0;
  }
}
