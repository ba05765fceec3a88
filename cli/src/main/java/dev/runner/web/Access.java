package dev.runner.web;

import com.sun.net.httpserver.HttpExchange;
import dev.runner.access.Scope;
import dev.runner.access.TokenSecret;
import dev.runner.store.StoreException;
import dev.runner.store.WebToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who a request is from and whether they may ask it. Credentials sent are always checked: a bearer
 * token ({@code Authorization: Bearer rnr_...}, looked up by its SHA-256, so a revoked one fails at
 * once) or the {@code runner_session} cookie of a login. Without any, a loopback server (without a
 * trusted proxy) takes the request as {@code local} with every scope, since only this machine can
 * reach it; any other answers 401.
 */
final class Access {

  static final String PASSWORD = "RUNNER_WEB_PASSWORD";
  static final String COOKIE = "runner_session";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** A token's last use is written at most this often, not on every request. */
  private static final Duration USE_GRAIN = Duration.ofMinutes(1);

  private final boolean loginRequired;
  private final WebHome home;
  private final Sessions sessions;
  private final String localCsrf;

  Access(boolean loginRequired, WebHome home, Sessions sessions, SecureRandom random) {
    this.loginRequired = loginRequired;
    this.home = home;
    this.sessions = sessions;
    // a loopback server's CSRF token: the console sends it, nothing demands it without a cookie
    this.localCsrf = TokenSecret.randomText(random);
  }

  Sessions sessions() {
    return sessions;
  }

  /** Whether requests need credentials: a non-loopback address, or a proxy in front. */
  boolean loginRequired() {
    return loginRequired;
  }

  /** The password of {@code .env} as it is now (a change needs no restart); null when unset. */
  String password() {
    String value = home.loaded().config().environment().get(PASSWORD);
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * The request's caller.
   *
   * @throws ApiProblem 401 for a token that is malformed, unknown or revoked
   */
  Caller caller(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      return token(exchange, authorization.strip());
    }
    Optional<Sessions.Session> session = sessions.find(cookie(exchange));
    if (session.isPresent()) {
      return Caller.session(session.get().csrf());
    }
    return loginRequired ? Caller.NOBODY : Caller.local(localCsrf);
  }

  private Caller token(HttpExchange exchange, String authorization) {
    String[] parts = authorization.split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw unauthorized(
          exchange, "the Authorization header must be: Bearer TOKEN (runner token create)");
    }
    Optional<WebToken> found = home.reads().tokenByHash(TokenSecret.hash(parts[1].strip()));
    if (found.isEmpty()) {
      throw unauthorized(
          exchange, "the token is unknown or revoked; see runner token list on the server");
    }
    WebToken token = found.get();
    Instant now = home.clock().instant();
    if (token.lastUsedAt() == null || token.lastUsedAt().plus(USE_GRAIN).isBefore(now)) {
      try {
        home.reads().tokenUsed(token.name(), now);
      } catch (StoreException e) {
        // a home on a read-only disk still answers; only the last use goes unrecorded
      }
    }
    return Caller.token(token.name(), Scope.of(token.scope()));
  }

  /** Refuses a caller whose scope is short of {@code need}: 401 for no one, 403 for too little. */
  void authorize(HttpExchange exchange, Caller caller, Optional<Scope> need) {
    if (need.isEmpty()) {
      return;
    }
    if (caller.scope() == null) {
      throw unauthorized(
          exchange,
          "log in (POST /api/v1/login) or send Authorization: Bearer TOKEN"
              + " (runner token create NAME --scope read|run|admin)");
    }
    if (!caller.scope().covers(need.get())) {
      throw ApiProblem.of(
          403,
          ApiProblem.FORBIDDEN,
          "Scope too small",
          "this needs scope "
              + need.get().word()
              + "; the token "
              + caller.who()
              + " has scope "
              + caller.scope().word());
    }
  }

  /**
   * A change made with a session cookie must send the session's CSRF token back in {@code
   * X-CSRF-Token}: a page on another site can make the browser send the cookie, never read the
   * token. Bearer tokens are not sent by browsers on their own, so they need none.
   */
  static void checkCsrf(HttpExchange exchange, Caller caller) {
    if (caller.kind() != Caller.Kind.SESSION) {
      return;
    }
    String sent = exchange.getRequestHeaders().getFirst(CSRF_HEADER);
    if (!TokenSecret.same(sent, caller.csrf())) {
      throw ApiProblem.of(
          403,
          ApiProblem.FORBIDDEN,
          "CSRF token missing or wrong",
          "a change made with a login session must send the header "
              + CSRF_HEADER
              + " with the csrf value of GET /api/v1/session");
    }
  }

  static ApiProblem unauthorized(HttpExchange exchange, String detail) {
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"runner\"");
    return ApiProblem.of(401, ApiProblem.UNAUTHORIZED, "Credentials needed", detail);
  }

  /** The session cookie's value; null when the request has none. */
  static String cookie(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String pair : header.split(";")) {
        String[] kv = pair.strip().split("=", 2);
        if (kv.length == 2 && kv[0].equals(COOKIE)) {
          return kv[1].strip();
        }
      }
    }
    return null;
  }

  /**
   * Why a server that needs credentials cannot start: none exist, so no one could use it; empty
   * when it may.
   */
  static Optional<String> refusal(
      boolean loginRequired, boolean trustProxy, String password, boolean anyToken) {
    if (!loginRequired || (password != null && !password.isEmpty()) || anyToken) {
      return Optional.empty();
    }
    return Optional.of(
        (trustProxy
                ? Forwarded.SETTING + " is set, so requests come through a proxy and need a login"
                : "a non-loopback address needs a login")
            + ", and none is set up: set "
            + PASSWORD
            + " in .env (for the browser) or make an API token with"
            + " `runner token create NAME --scope read|run|admin`, then start runner web again");
  }
}
