package dev.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.notify.Delivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunMessageTest {

  @Test
  void keys_keep_the_order_they_were_first_written_in() {
    RunMessage message =
        new RunMessage(Map.of("status_code", 500))
            .withError("HTTP 500")
            .withNotes(Map.of("skipped_fires", 2))
            .withOutputTail("a\nb")
            .withRetry(new RunMessage.Retry(2, "2026-11-23T10:01:00Z"))
            .withError("HTTP 502");
    assertThat(message.json())
        .isEqualTo(
            "{\"status_code\":500,\"error\":\"HTTP 502\",\"skipped_fires\":2,"
                + "\"output_tail\":\"a\\nb\",\"retry\":{\"attempt\":2,\"at\":\"2026-11-23T10:01:00Z\"}}");
    RunMessage read = RunMessage.parse(message.json());
    assertThat(read).isEqualTo(RunMessage.parse(read.json()));
    assertThat(read.retry()).contains(new RunMessage.Retry(2, "2026-11-23T10:01:00Z"));
    assertThat(read.error()).contains("HTTP 502");
    assertThat(read.outputTail()).contains("a\nb");
  }

  @Test
  void one_line_is_the_error_the_reason_the_summary_or_the_last_output_line_then_the_notices() {
    assertThat(RunMessage.empty().withOutputTail("first\nlast").oneLine()).isEqualTo("last");
    assertThat(RunMessage.empty().withSummary("made page").withOutputTail("x").oneLine())
        .isEqualTo("made page");
    assertThat(RunMessage.empty().withReason("overlap").withSummary("s").oneLine())
        .isEqualTo("overlap");
    assertThat(RunMessage.empty().withError("  ").withReason("overlap").oneLine())
        .as("a blank error says nothing")
        .isEqualTo("overlap");
    RunMessage notified =
        RunMessage.empty()
            .withError("exit 1")
            .withNotifications(
                List.of(
                    new Delivery("ops", "failure", "mail", true, "250 OK"),
                    new Delivery("ops", "failure", "hook", false, "HTTP 500")));
    assertThat(notified.oneLine()).isEqualTo("exit 1 [notified ops/mail ok, ops/hook failed]");
    assertThat(RunMessage.parse(notified.json()).notifications())
        .containsExactly(
            new Delivery("ops", "failure", "mail", true, "250 OK"),
            new Delivery("ops", "failure", "hook", false, "HTTP 500"));
    assertThat(RunMessage.empty().oneLine()).isEmpty();
  }

  @Test
  void text_that_is_not_a_json_object_is_kept_under_text() {
    assertThat(RunMessage.parse("not json").fields()).containsEntry("text", "not json");
    assertThat(RunMessage.parse(null).fields()).isEmpty();
  }
}
