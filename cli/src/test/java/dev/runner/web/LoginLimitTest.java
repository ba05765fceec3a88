package dev.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLimitTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void the_sixth_attempt_after_five_failures_within_a_minute_waits() {
    LoginLimit limit = LoginLimit.standard(Clock.fixed(T0, ZoneOffset.UTC));
    for (int i = 0; i < 5; i++) {
      assertThat(limit.retryAfter("192.0.2.1")).as("attempt %d", i + 1).isEmpty();
      limit.failed("192.0.2.1");
    }
    assertThat(limit.retryAfter("192.0.2.1")).hasValue(Duration.ofMinutes(1));
    assertThat(limit.retryAfter("192.0.2.2")).as("another client").isEmpty();
  }

  @Test
  void the_wait_ends_when_the_oldest_failure_leaves_the_window() {
    MovingClock clock = new MovingClock(T0);
    LoginLimit limit = LoginLimit.standard(clock);
    for (int i = 0; i < 5; i++) {
      limit.failed("c");
      clock.move(Duration.ofSeconds(10)); // failures at 0, 10, 20, 30, 40 s
    }
    // now 50 s: the first failure leaves the window at 60 s
    assertThat(limit.retryAfter("c")).hasValue(Duration.ofSeconds(10));
    clock.move(Duration.ofSeconds(9));
    assertThat(limit.retryAfter("c")).hasValue(Duration.ofSeconds(1));
    clock.move(Duration.ofSeconds(1));
    assertThat(limit.retryAfter("c")).as("four failures left in the window").isEmpty();
    limit.failed("c"); // at 60 s: five again within the minute (10 .. 60 s)
    assertThat(limit.retryAfter("c")).hasValue(Duration.ofSeconds(10));
  }

  @Test
  void failures_spread_over_more_than_a_minute_never_block() {
    MovingClock clock = new MovingClock(T0);
    LoginLimit limit = LoginLimit.standard(clock);
    for (int i = 0; i < 50; i++) {
      assertThat(limit.retryAfter("c")).isEmpty();
      limit.failed("c");
      clock.move(Duration.ofSeconds(13)); // at most five in any minute
    }
  }

  @Test
  void a_right_password_clears_the_count() {
    LoginLimit limit = LoginLimit.standard(Clock.fixed(T0, ZoneOffset.UTC));
    for (int i = 0; i < 4; i++) {
      limit.failed("c");
    }
    limit.succeeded("c");
    for (int i = 0; i < 4; i++) {
      limit.failed("c");
    }
    assertThat(limit.retryAfter("c")).isEmpty();
    limit.failed("c");
    assertThat(limit.retryAfter("c")).isPresent();
  }
}
