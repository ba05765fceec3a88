package dev.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {

  @Test
  void a_session_lives_while_used_and_ends_after_twelve_idle_hours_or_a_logout() {
    MovingClock clock = new MovingClock(Instant.parse("2026-11-23T10:00:00Z"));
    Sessions sessions = new Sessions(clock, new SecureRandom());
    Sessions.Session one = sessions.create();
    Sessions.Session two = sessions.create();
    assertThat(one.id()).isNotEqualTo(two.id()).hasSize(43);
    assertThat(one.csrf()).isNotEqualTo(one.id()).isNotEqualTo(two.csrf());

    clock.move(Duration.ofHours(11));
    assertThat(sessions.find(one.id())).hasValue(one); // used: its idle time starts again
    clock.move(Duration.ofHours(11));
    assertThat(sessions.find(one.id())).hasValue(one);
    assertThat(sessions.find(two.id())).as("idle 22 h").isEmpty();
    clock.move(Sessions.IDLE);
    assertThat(sessions.find(one.id())).as("idle 12 h").isEmpty();

    Sessions.Session three = sessions.create();
    sessions.end(three.id());
    assertThat(sessions.find(three.id())).isEmpty();
    assertThat(sessions.find("made-up")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void at_most_max_sessions_are_kept_the_least_recently_used_going_first() {
    MovingClock clock = new MovingClock(Instant.parse("2026-11-23T10:00:00Z"));
    Sessions sessions = new Sessions(clock, new SecureRandom());
    Sessions.Session first = sessions.create();
    clock.move(Duration.ofSeconds(1));
    Sessions.Session second = sessions.create();
    for (int i = 2; i < Sessions.MAX; i++) {
      clock.move(Duration.ofSeconds(1));
      sessions.create();
    }
    clock.move(Duration.ofSeconds(1));
    sessions.find(first.id()); // used last now
    sessions.create();
    assertThat(sessions.find(first.id())).isPresent();
    assertThat(sessions.find(second.id())).isEmpty();
  }
}
