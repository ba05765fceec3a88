package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.access.TokenSecret;
import dev.runner.store.AuditEntry;
import dev.runner.store.Store;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runner token create|list|revoke}: shown once, stored hashed, audited, refusals hinted. */
class TokenCommandTest {

  @TempDir Path home;
  Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(home).config("{\"t\": {\"type\": \"shell\", \"command\": \"true\"}}");
    cli.env.put("USER", "alice");
  }

  String create(String name, String scope) {
    Cli.Result made = cli.run("token", "create", name, "--scope", scope);
    assertThat(made.code()).as(made.toString()).isZero();
    return made.out().strip();
  }

  @Test
  void create_prints_the_token_once_and_stores_only_its_hash() throws Exception {
    Cli.Result made = cli.run("token", "create", "ci", "--scope", "run");
    assertThat(made.code()).as(made.toString()).isZero();
    String token = made.out().strip();
    assertThat(token).matches("rnr_[A-Za-z0-9_-]{43}");
    assertThat(made.out()).isEqualTo(token + "\n"); // alone on stdout: $(runner token create ..)
    assertThat(made.err()).contains("token ci (scope run) made").contains("Bearer");
    assertThat(create("phone", "read")).isNotEqualTo(token);

    byte[] database = Files.readAllBytes(home.resolve("task_log.db"));
    String raw = new String(database, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain(token).doesNotContain(token.substring(4));
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      assertThat(store.tokenByHash(TokenSecret.hash(token)).orElseThrow().scope()).isEqualTo("run");
    }
  }

  static String iso() {
    return dev.runner.schedule.DateTimeText.iso(
        java.time.Instant.parse("2026-11-23T10:00:00Z"), java.time.ZoneOffset.UTC);
  }

  @Test
  @SuppressWarnings("unchecked")
  void list_shows_names_scopes_and_times_but_never_a_token() throws Exception {
    assertThat(cli.run("token", "list").out()).contains("no API tokens; make one");
    String ci = create("ci", "run");
    String phone = create("phone", "admin");
    Cli.Result table = cli.run("token", "list");
    assertThat(table.out())
        .isEqualTo(
            """
            NAME   SCOPE  CREATED              LAST USED
            ci     run    2026-11-23 10:00:00  never
            phone  admin  2026-11-23 10:00:00  never
            """);
    Cli.Result json = cli.run("token", "list", "--json");
    List<Map<String, Object>> rows = new ObjectMapper().readValue(json.out(), List.class);
    assertThat(rows).extracting(r -> r.get("name")).containsExactly("ci", "phone");
    assertThat(rows.get(0))
        .containsOnlyKeys("name", "scope", "created_at", "last_used_at")
        .containsEntry("scope", "run")
        .containsEntry("created_at", iso())
        .containsEntry("last_used_at", null);
    for (String out : List.of(table.out(), json.out(), table.err(), json.err())) {
      assertThat(out).doesNotContain(ci).doesNotContain(phone).doesNotContain(TokenSecret.hash(ci));
    }
  }

  @Test
  void revoke_deletes_it_and_both_changes_are_audited_with_the_os_user() throws Exception {
    create("ci", "read");
    Cli.Result revoked = cli.run("token", "revoke", "ci");
    assertThat(revoked.code()).as(revoked.toString()).isZero();
    assertThat(revoked.out()).isEqualTo("token ci revoked\n");
    assertThat(cli.run("token", "list").out()).contains("no API tokens");
    try (Store store = SqliteStore.connect(home.resolve("task_log.db"))) {
      assertThat(store.audit(10, 0))
          .extracting(AuditEntry::who, AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("cli:alice", "token revoke", "ci", 200),
              org.assertj.core.groups.Tuple.tuple("cli:alice", "token create", "ci", 201));
    }
  }

  @Test
  void bad_input_is_refused_with_exit_2_and_a_hint() throws Exception {
    create("ci", "read");
    Cli.Result twice = cli.run("token", "create", "ci", "--scope", "admin");
    assertThat(twice.code()).isEqualTo(ExitCode.USAGE);
    assertThat(twice.err())
        .contains("a token named ci exists (scope read")
        .contains("runner token revoke ci");
    assertThat(twice.out()).isEmpty();

    Cli.Result scope = cli.run("token", "create", "x", "--scope", "amdin");
    assertThat(scope.code()).isEqualTo(ExitCode.USAGE);
    assertThat(scope.err())
        .contains("unknown scope \"amdin\"; the scopes are read, run, admin")
        .contains("did you mean \"admin\"?");

    Cli.Result name = cli.run("token", "create", "a b", "--scope", "read");
    assertThat(name.code()).isEqualTo(ExitCode.USAGE);
    assertThat(name.err()).contains("use 1 to 64 letters");

    Cli.Result none = cli.run("token", "revoke", "cj");
    assertThat(none.code()).isEqualTo(ExitCode.USAGE);
    assertThat(none.err()).contains("no token named cj; did you mean \"ci\"?");
    assertThat(cli.run("token", "revoke", "zzzzzz").err()).contains("the tokens are ci");

    Cli.Result bare = cli.run("token");
    assertThat(bare.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bare.err()).contains("runner token create NAME --scope read|run|admin");
    assertThat(cli.run("token", "list").out()).contains("ci ").doesNotContain("x ");
  }
}
