package dev.runner.task.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.task.TestRun;
import dev.runner.testing.StalledPeer;
import java.time.Duration;
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
          new NotionClient(
              peer.url("/v1"), "secret", TestRun.of("daily_journal"), Duration.ofSeconds(1));
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
          new NotionClient(
              peer.url("/v1"), "secret", TestRun.of("daily_journal"), Duration.ofSeconds(1));
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
}
