package dev.runner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenSecretTest {

  @Test
  void a_token_is_the_prefix_and_32_random_bytes_in_base64url() {
    String one = TokenSecret.generate(new SecureRandom());
    String two = TokenSecret.generate(new SecureRandom());
    assertThat(one).matches("rnr_[A-Za-z0-9_-]{43}").isNotEqualTo(two);
  }

  @Test
  void its_hash_is_the_hex_sha_256_of_its_text() {
    assertThat(TokenSecret.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void secrets_are_compared_whole_and_null_is_never_equal() {
    assertThat(TokenSecret.same("pw", "pw")).isTrue();
    assertThat(TokenSecret.same("pw", "pw ")).isFalse();
    assertThat(TokenSecret.same(null, "pw")).isFalse();
    assertThat(TokenSecret.same("pw", null)).isFalse();
  }

  @Test
  void what_looks_like_a_token_is_masked() {
    String token = TokenSecret.generate(new SecureRandom());
    assertThat(TokenSecret.mask("no task named \"" + token + "\""))
        .isEqualTo("no task named \"rnr_***\"");
    assertThat(TokenSecret.mask("rnr_ short rnr_abc")).isEqualTo("rnr_ short rnr_abc");
    assertThat(TokenSecret.mask(null)).isNull();
  }

  @Test
  void scopes_are_read_by_their_word() {
    assertThat(Scope.of("run")).isEqualTo(Scope.RUN);
    assertThat(Scope.words()).containsExactly("read", "run", "admin");
    assertThatThrownBy(() -> Scope.of("root"))
        .hasMessage("unknown scope \"root\"; the scopes are read, run, admin");
  }
}
