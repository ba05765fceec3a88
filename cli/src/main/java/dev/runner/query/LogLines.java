package dev.runner.query;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

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

  /** Where the last {@code lines} lines begin; a final newline ends the last line. */
  private static long start(FileChannel channel, long end, long lines) throws IOException {
    return lines <= 0 ? end : afterNewline(channel, 0, end, lines, true);
  }

  /**
   * The log as it grows, until {@code running} says the run is over: what is there, then each new
   * complete line as it comes (checked every {@code poll}), then the rest once the run has ended. A
   * log not made yet (nothing printed) is waited for.
   */
  public static void follow(Path file, BooleanSupplier running, Writer out, Duration poll)
      throws IOException, InterruptedException {
    long at = 0;
    while (true) {
      // asked before reading, so what the run printed last is read after it ended
      boolean more = running.getAsBoolean();
      at = copy(file, at, more, out);
      out.flush();
      if (!more) {
        return;
      }
      Thread.sleep(poll.toMillis());
    }
  }

  /** Copies from byte {@code at} to the end, or to the last newline when {@code wholeLines}. */
  private static long copy(Path file, long at, boolean wholeLines, Writer out) throws IOException {
    if (!Files.exists(file)) {
      return at;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long end = wholeLines ? afterNewline(channel, at, channel.size(), 1, false) : channel.size();
      if (end <= at) {
        return at;
      }
      InputStream limited =
          new FilterInputStream(Channels.newInputStream(channel.position(at))) {
            private long left = end - at;

            @Override
            public int read() throws IOException {
              if (left <= 0) {
                return -1;
              }
              left--;
              return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              if (left <= 0) {
                return -1;
              }
              int n = super.read(b, off, (int) Math.min(len, left));
              if (n > 0) {
                left -= n;
              }
              return n;
            }
          };
      new InputStreamReader(limited, StandardCharsets.UTF_8).transferTo(out);
      return end;
    }
  }

  /**
   * Just after the {@code nth} newline counted back from {@code to} in [from, to), or {@code from}
   * when there are fewer; {@code skipFinal} leaves out a newline at {@code to - 1}.
   */
  private static long afterNewline(
      FileChannel channel, long from, long to, long nth, boolean skipFinal) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
    long found = 0;
    long at = to;
    while (at > from) {
      int size = (int) Math.min(BLOCK, at - from);
      at -= size;
      buffer.clear().limit(size);
      channel.read(buffer, at);
      for (int i = size - 1; i >= 0; i--) {
        boolean last = skipFinal && at + i == to - 1;
        if (buffer.get(i) == '\n' && !last && ++found == nth) {
          return at + i + 1;
        }
      }
    }
    return from;
  }
}
