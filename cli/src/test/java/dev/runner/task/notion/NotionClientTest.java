package dev.runner.task.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.task.Cancellation;
import dev.runner.task.ProcessOutcome;
import dev.runner.task.ProcessSpec;
import dev.runner.task.TaskContext;
import dev.runner.task.Window;
import dev.runner.testing.StalledPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Notion client's own bound on each request, against peers that stop answering. */
class NotionClientTest {

  @Test
  void a_request_whose_answer_stalls_after_the_headers_fails_within_the_request_timeout()
      throws Exception {
    try (StalledPeer peer =
        StalledPeer.answering(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"res")) {
      NotionClient notion =
          new NotionClient(peer.url("/v1"), "secret", new QuietContext(), Duration.ofSeconds(1));
      NotionException failure =
          assertTimeoutPreemptively(
              Duration.ofSeconds(15),
              () ->
                  catchThrowableOfType(
                      () ->
                          notion.findPage(
                              "db-1", new ObjectMapper().createObjectNode().put("a", 1)),
                      NotionException.class));
      assertThat(failure).isNotNull();
      assertThat(failure.technical).isTrue();
      assertThat(failure.getMessage())
          .startsWith("Notion: POST " + peer.url("/v1/databases/db-1/query"))
          .contains("timed out after 1s reading the answer");
    }
  }

  @Test
  void a_peer_that_never_answers_fails_within_the_request_timeout() throws Exception {
    try (StalledPeer peer = StalledPeer.silent()) {
      NotionClient notion =
          new NotionClient(peer.url("/v1"), "secret", new QuietContext(), Duration.ofSeconds(1));
      NotionException failure =
          assertTimeoutPreemptively(
              Duration.ofSeconds(15),
              () ->
                  catchThrowableOfType(
                      () ->
                          notion.findPage(
                              "db-1", new ObjectMapper().createObjectNode().put("a", 1)),
                      NotionException.class));
      assertThat(failure).isNotNull();
      assertThat(failure.getMessage()).contains("timed out after 1s waiting for an answer");
    }
  }

  /** A run that is never cancelled and keeps its output lines. */
  static final class QuietContext implements TaskContext {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public String taskName() {
      return "daily_journal";
    }

    @Override
    public long runId() {
      return 1;
    }

    @Override
    public String runKey() {
      return "daily_journal@2026-11-23T00:00:00Z";
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public String trigger() {
      return "manual";
    }

    @Override
    public Instant scheduledFor() {
      return Instant.parse("2026-11-23T00:00:00Z");
    }

    @Override
    public ZoneId zone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Optional<Window> window() {
      return Optional.empty();
    }

    @Override
    public Map<String, Object> params() {
      return Map.of();
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public Path home() {
      return Path.of(".");
    }

    @Override
    public void log(String line) {
      lines.add(line);
    }

    @Override
    public Cancellation cancellation() {
      return new Cancellation() {
        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public void onCancel(Runnable action) {}
      };
    }

    @Override
    public ProcessOutcome exec(ProcessSpec spec) {
      throw new UnsupportedOperationException("no processes here");
    }
  }
}
