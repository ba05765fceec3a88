package dev.runner.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogLinesTest {

  @TempDir Path dir;

  /** 30,000 lines of Chinese and digits: several read blocks, characters across their edges. */
  private Path log(boolean finalNewline) throws Exception {
    String text =
        IntStream.rangeClosed(1, 30_000)
            .mapToObj(i -> "第" + i + "行 备份完成")
            .collect(Collectors.joining("\n"));
    Path file = dir.resolve(finalNewline ? "a.log" : "b.log");
    Files.writeString(file, text + (finalNewline ? "\n" : ""), StandardCharsets.UTF_8);
    assertThat(Files.size(file)).isGreaterThan(4 * 64 * 1024);
    return file;
  }

  private static String tail(Path file, long n) throws Exception {
    StringWriter out = new StringWriter();
    LogLines.tail(file, n, out);
    return out.toString();
  }

  @Test
  void tail_gives_the_last_lines_whole_across_read_blocks() throws Exception {
    Path file = log(true);
    assertThat(tail(file, 2)).isEqualTo("第29999行 备份完成\n第30000行 备份完成\n");
    String many = tail(file, 12_345);
    assertThat(many.split("\n")).hasSize(12_345);
    assertThat(many).startsWith("第17656行 备份完成\n").endsWith("第30000行 备份完成\n");
    assertThat(tail(file, 0)).isEmpty();
    assertThat(tail(file, 99_999)).isEqualTo(Files.readString(file));
  }

  @Test
  void a_last_line_without_its_newline_counts_as_a_line() throws Exception {
    Path file = log(false);
    assertThat(tail(file, 1)).isEqualTo("第30000行 备份完成");
    assertThat(tail(file, 2)).isEqualTo("第29999行 备份完成\n第30000行 备份完成");
  }

  @Test
  void head_gives_the_first_lines_and_all_gives_everything() throws Exception {
    Path file = log(true);
    StringWriter head = new StringWriter();
    LogLines.head(file, 2, head);
    assertThat(head.toString()).isEqualTo("第1行 备份完成\n第2行 备份完成\n");
    StringWriter all = new StringWriter();
    LogLines.all(file, all);
    assertThat(all.toString()).isEqualTo(Files.readString(file));
  }
}
