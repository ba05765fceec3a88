package dev.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.access.Scope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scope table, for the routes here and those the config and runs branches add. */
class RouteScopesTest {

  static Optional<Scope> need(String method, String pattern) {
    return RouteScopes.need(method, pattern);
  }

  @Test
  void reads_need_read() {
    for (String pattern :
        new String[] {
          "/api/v1/tasks",
          "/api/v1/tasks/*",
          "/api/v1/runs",
          "/api/v1/runs/*",
          "/api/v1/runs/*/log",
          "/api/v1/stats",
          "/api/v1/status",
          "/api/v1/config",
          "/api/v1/cron",
          "/api/v1/events",
          "/api/v1/openapi.json",
          "/metrics"
        }) {
      assertThat(need("GET", pattern)).as(pattern).hasValue(Scope.READ);
    }
    assertThat(need("POST", "/api/v1/config/validate")).hasValue(Scope.READ);
  }

  @Test
  void running_cancelling_backfilling_and_switching_need_run() {
    for (String pattern :
        new String[] {
          "/api/v1/tasks/*/run",
          "/api/v1/runs/*/cancel",
          "/api/v1/tasks/*/backfill",
          "/api/v1/tasks/*/enable",
          "/api/v1/tasks/*/disable"
        }) {
      assertThat(need("POST", pattern)).as(pattern).hasValue(Scope.RUN);
    }
  }

  @Test
  void edits_the_audit_and_any_unlisted_change_need_admin() {
    assertThat(need("POST", "/api/v1/tasks")).hasValue(Scope.ADMIN);
    assertThat(need("PUT", "/api/v1/tasks/*")).hasValue(Scope.ADMIN);
    assertThat(need("DELETE", "/api/v1/tasks/*")).hasValue(Scope.ADMIN);
    assertThat(need("PUT", "/api/v1/config")).hasValue(Scope.ADMIN);
    assertThat(need("GET", "/api/v1/audit")).hasValue(Scope.ADMIN);
    assertThat(need("POST", "/api/v1/some/new/thing")).hasValue(Scope.ADMIN);
    assertThat(need("PATCH", "/api/v1/tasks/*")).hasValue(Scope.ADMIN);
  }

  @Test
  void the_login_health_and_the_consoles_files_are_public() {
    assertThat(need("POST", "/api/v1/login")).isEmpty();
    assertThat(need("POST", "/api/v1/logout")).isEmpty();
    assertThat(need("GET", "/api/v1/session")).isEmpty();
    assertThat(need("GET", "/healthz")).isEmpty();
    assertThat(need("GET", "/")).isEmpty();
    assertThat(need("GET", "/assets/*")).isEmpty();
    assertThat(need("POST", "/assets/*")).hasValue(Scope.ADMIN);
  }

  @Test
  void each_scope_covers_those_below_it() {
    assertThat(Scope.ADMIN.covers(Scope.RUN)).isTrue();
    assertThat(Scope.RUN.covers(Scope.READ)).isTrue();
    assertThat(Scope.READ.covers(Scope.RUN)).isFalse();
    assertThat(Scope.RUN.covers(Scope.ADMIN)).isFalse();
  }
}
