package dev.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.Redactor;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's output read in bounded pieces, masked across their cuts, its log kept or told lost. */
class RunOutputTest {

  @TempDir Path dir;

  @Test
  void a_line_longer_than_a_piece_is_written_in_pieces_with_a_secret_on_the_cut_still_masked()
      throws Exception {
    String secret = "s3cret-token-value";
    Path log = dir.resolve("runs/job/1.log");
    String line =
        "a".repeat(LinePump.MAX_PIECE - 5) + secret + "b".repeat(LinePump.MAX_PIECE * 2) + "end";
    try (RunOutput output = new RunOutput(log, new Redactor(Set.of(secret)), null)) {
      LinePump.pump(new StringReader(line + "\nnext line\n"), output);
    }
    String written = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(written).doesNotContain(secret).contains("***").endsWith("end\nnext line\n");
    assertThat(written.replace("\n", "").replace("***", secret)).isEqualTo(line + "next line");
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSizeGreaterThan(3);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(LinePump.MAX_PIECE));
  }

  @Test
  void lines_end_at_newlines_returns_and_both_as_buffered_readers_have_them() throws Exception {
    Path log = dir.resolve("runs/job/2.log");
    try (RunOutput output = new RunOutput(log, new Redactor(Set.of()), null)) {
      LinePump.pump(new StringReader("one\r\ntwo\rthree\nlast without newline"), output);
      assertThat(output.tail()).isEqualTo("one\ntwo\nthree\nlast without newline");
    }
  }

  @Test
  void a_log_removed_during_the_run_is_made_again_with_the_last_lines_and_the_loss_told()
      throws Exception {
    Path log = dir.resolve("runs/job/3.log");
    try (RunOutput output = new RunOutput(log, new Redactor(Set.of()), null)) {
      output.line("one");
      output.line("two");
      Files.delete(log);
      Files.delete(log.getParent());
      output.line("three");
      assertThat(output.checkLog())
          .hasValueSatisfying(loss -> assertThat(loss).contains("was removed during the run"));
    }
    assertThat(Files.readAllLines(log))
        .containsExactly(
            "[runner: the run log "
                + log
                + " was removed during the run; it was made again with"
                + " the last lines]",
            "one",
            "two",
            "three");
  }

  @Test
  void past_the_cap_the_log_keeps_its_first_and_last_half_and_says_what_was_dropped()
      throws Exception {
    Path log = dir.resolve("runs/job/4.log");
    long cap = 4000;
    int lines = 10_000;
    Optional<Map<String, Object>> dropped;
    try (RunOutput output = new RunOutput(log, new Redactor(Set.of()), null, cap)) {
      for (int i = 1; i <= lines; i++) {
        output.line("line " + i);
      }
      dropped = output.finishCap();
      assertThat(output.tail()).endsWith("line " + lines);
    }
    List<String> kept = Files.readAllLines(log, StandardCharsets.UTF_8);
    String marker = kept.stream().filter(l -> l.startsWith("[runner: ")).findFirst().orElseThrow();
    int at = kept.indexOf(marker);
    assertThat(kept.subList(0, 3)).containsExactly("line 1", "line 2", "line 3");
    assertThat(kept.get(kept.size() - 1)).isEqualTo("line " + lines);
    assertThat(Files.size(log)).isLessThanOrEqualTo(cap + marker.length() + 1);
    // what is kept after the marker runs on without a gap up to the last line
    int firstAfter = Integer.parseInt(kept.get(at + 1).substring("line ".length()));
    assertThat(kept.subList(at + 1, kept.size()))
        .isEqualTo(
            java.util.stream.IntStream.rangeClosed(firstAfter, lines)
                .mapToObj(i -> "line " + i)
                .toList());
    long keptLines = kept.size() - 1;
    assertThat(dropped)
        .hasValueSatisfying(
            d -> {
              assertThat(d.get("lines")).isEqualTo(lines - keptLines);
              assertThat(d.get("cap_bytes")).isEqualTo(cap);
            });
    assertThat(marker).contains((lines - keptLines) + " lines").contains("RUNNER_MAX_OUTPUT");
    try (var left = Files.list(log.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("4.log");
    }
  }

  @Test
  void under_the_cap_nothing_is_dropped_and_no_spool_is_made() throws Exception {
    Path log = dir.resolve("runs/job/5.log");
    try (RunOutput output = new RunOutput(log, new Redactor(Set.of()), null, 1 << 20)) {
      output.line("only line");
      assertThat(output.finishCap()).isEmpty();
    }
    assertThat(Files.readString(log)).isEqualTo("only line\n");
    try (var left = Files.list(log.getParent())) {
      assertThat(left.count()).isEqualTo(1);
    }
  }
}
