package dev.runner.notify;

import static dev.runner.store.RunStatus.BUSINESS_FAILURE;
import static dev.runner.store.RunStatus.CANCELLED;
import static dev.runner.store.RunStatus.SUCCESS;
import static dev.runner.store.RunStatus.TECHNICAL_FAILURE;
import static dev.runner.store.RunStatus.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.TaskDef.NotifyRule;
import dev.runner.store.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreaksTest {

  static final NotifyRule RULE =
      new NotifyRule(
          "ops", true, List.of("technical_failure", "timeout", "recovered"), 3, List.of());

  /** The events of a sequence of outcomes, oldest first, as they would fire one by one. */
  static List<String> events(NotifyRule rule, RunStatus... oldestFirst) {
    List<RunStatus> newestFirst = new ArrayList<>();
    List<String> events = new ArrayList<>();
    for (RunStatus status : oldestFirst) {
      newestFirst.add(0, status);
      events.add(Streaks.event(rule, newestFirst).orElse("-"));
    }
    return events;
  }

  @Test
  void fires_once_when_the_streak_reaches_the_threshold_and_again_on_recovery() {
    assertThat(
            events(
                RULE,
                SUCCESS,
                TECHNICAL_FAILURE,
                TIMEOUT,
                TECHNICAL_FAILURE,
                TECHNICAL_FAILURE,
                SUCCESS,
                SUCCESS))
        .containsExactly("-", "-", "-", "technical_failure", "-", "recovered", "-");
  }

  @Test
  void a_cancel_neither_continues_nor_breaks_a_streak_and_sends_nothing_unless_named() {
    assertThat(
            events(
                RULE,
                TECHNICAL_FAILURE,
                TECHNICAL_FAILURE,
                CANCELLED,
                TECHNICAL_FAILURE,
                CANCELLED,
                SUCCESS))
        .containsExactly("-", "-", "-", "technical_failure", "-", "recovered");
    NotifyRule cancels = new NotifyRule("c", true, List.of("cancelled"), 3, List.of());
    assertThat(events(cancels, SUCCESS, CANCELLED, CANCELLED))
        .containsExactly("-", "cancelled", "cancelled");
  }

  @Test
  void a_broken_streak_starts_counting_again_and_a_short_one_does_not_recover() {
    assertThat(
            events(
                RULE,
                TECHNICAL_FAILURE,
                TECHNICAL_FAILURE,
                BUSINESS_FAILURE,
                TECHNICAL_FAILURE,
                SUCCESS))
        .containsExactly("-", "-", "-", "-", "-");
  }

  @Test
  void threshold_one_fires_on_every_first_failure_after_a_success() {
    NotifyRule each = new NotifyRule("each", true, List.of("technical_failure"), 1, List.of());
    assertThat(events(each, TECHNICAL_FAILURE, TECHNICAL_FAILURE, SUCCESS, TECHNICAL_FAILURE))
        .containsExactly("technical_failure", "-", "-", "technical_failure");
  }

  @Test
  void a_disabled_rule_is_silent() {
    NotifyRule off = new NotifyRule("off", false, List.of("success"), 1, List.of());
    assertThat(Streaks.event(off, List.of(SUCCESS))).isEqualTo(Optional.empty());
  }
}
