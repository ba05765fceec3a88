package dev.runner.web;

import dev.runner.access.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of which scope each route needs: a route added to {@link WebServer} without a row
 * here needs {@code read} for a GET under {@code /api/} and {@code admin} for any change, so a new
 * endpoint is never open by mistake. Public: the login's own endpoints, {@code /healthz} and the
 * console's files (which hold no data; every datum comes from the API).
 */
final class RouteScopes {

  /** Method and route pattern ({@code *} one segment) that anyone may ask. */
  private static final Set<String> PUBLIC =
      Set.of(
          "GET /",
          "GET /healthz",
          "GET /api/v1/session",
          "POST /api/v1/login",
          "POST /api/v1/logout");

  /** Changes a {@code run} token may make, and the one change {@code read} may: a dry check. */
  private static final Map<String, Scope> TABLE =
      Map.ofEntries(
          Map.entry("POST /api/v1/tasks/*/run", Scope.RUN),
          Map.entry("POST /api/v1/tasks/*/backfill", Scope.RUN),
          Map.entry("POST /api/v1/tasks/*/enable", Scope.RUN),
          Map.entry("POST /api/v1/tasks/*/disable", Scope.RUN),
          Map.entry("POST /api/v1/runs/*/cancel", Scope.RUN),
          Map.entry("POST /api/v1/config/validate", Scope.READ),
          Map.entry("POST /api/v1/tasks", Scope.ADMIN),
          Map.entry("PUT /api/v1/tasks/*", Scope.ADMIN),
          Map.entry("DELETE /api/v1/tasks/*", Scope.ADMIN),
          Map.entry("PUT /api/v1/config", Scope.ADMIN),
          // who did what from where is the owner's to read
          Map.entry("GET /api/v1/audit", Scope.ADMIN));

  private RouteScopes() {}

  /** The scope {@code method} on {@code pattern} needs; empty for a public route. */
  static Optional<Scope> need(String method, String pattern) {
    String key = method + " " + pattern;
    if (PUBLIC.contains(key)) {
      return Optional.empty();
    }
    Scope listed = TABLE.get(key);
    if (listed != null) {
      return Optional.of(listed);
    }
    if (method.equals("GET") || method.equals("HEAD")) {
      // the console's files: C's asset routes live under /assets/
      return pattern.startsWith("/assets/") ? Optional.empty() : Optional.of(Scope.READ);
    }
    return Optional.of(Scope.ADMIN);
  }

  /** Whether a request by this method changes something: it is checked for CSRF and audited. */
  static boolean isChange(String method) {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }
}
