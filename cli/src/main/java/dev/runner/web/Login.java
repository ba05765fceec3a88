package dev.runner.web;

import dev.runner.access.TokenSecret;
import dev.runner.engine.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The browser's way in: {@code POST /api/v1/login} with {@code RUNNER_WEB_PASSWORD} makes a session
 * cookie (HttpOnly, so no script reads it; SameSite=Strict, so no other site's page sends it),
 * {@code GET /api/v1/session} tells the console who it is and its CSRF token, {@code POST
 * /api/v1/logout} ends it.
 */
final class Login {

  private final Access access;
  private final Sessions sessions;
  private final LoginLimit limit;
  private final Forwarded forwarded;

  Login(Access access, Sessions sessions, LoginLimit limit, Forwarded forwarded) {
    this.access = access;
    this.sessions = sessions;
    this.limit = limit;
    this.forwarded = forwarded;
  }

  void login(Call call) throws IOException {
    String client = forwarded.client(call.exchange);
    Optional<Duration> wait = limit.retryAfter(client);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      call.exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
      throw ApiProblem.of(
          429,
          ApiProblem.TOO_MANY_LOGINS,
          "Too many failed logins",
          "5 wrong passwords within a minute from " + client + "; try again in " + seconds + " s");
    }
    String given = password(call.body());
    String password = access.password();
    if (password == null) {
      throw ApiProblem.of(
          403,
          ApiProblem.FORBIDDEN,
          "No password login",
          Access.PASSWORD + " is not set in .env; log in with an API token instead");
    }
    if (!TokenSecret.same(given, password)) {
      limit.failed(client);
      throw Access.unauthorized(call.exchange, "wrong password");
    }
    limit.succeeded(client);
    Sessions.Session session = sessions.create();
    call.caller = Caller.session(session.csrf());
    call.exchange.getResponseHeaders().add("Set-Cookie", cookie(call, session.id(), ""));
    call.exchange.getResponseHeaders().set(Access.CSRF_HEADER, session.csrf());
    call.exchange.sendResponseHeaders(204, -1);
  }

  void logout(Call call) throws IOException {
    sessions.end(Access.cookie(call.exchange));
    call.exchange.getResponseHeaders().add("Set-Cookie", cookie(call, "", "; Max-Age=0"));
    call.exchange.sendResponseHeaders(204, -1);
  }

  /** {@code GET /api/v1/session}: who this is; no one yet answers 200 so the console can ask. */
  void session(Call call) throws IOException {
    Caller caller = call.caller;
    Map<String, Object> body = new LinkedHashMap<>();
    boolean known = caller.scope() != null;
    body.put("user", known ? call.masked(caller.who()) : null);
    body.put("scope", known ? caller.scope().word() : null);
    body.put("csrf", caller.csrf());
    body.put("login_required", !known);
    body.put("password_login", access.password() != null);
    // the CSRF token is no .env secret, and masking would never find it: sent as it is
    call.exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    byte[] bytes = Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    call.exchange.sendResponseHeaders(200, bytes.length);
    try (var out = call.exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The cookie; Secure when the browser reached a trusted proxy over https. */
  private String cookie(Call call, String value, String more) {
    String secure = forwarded.scheme(call.exchange).equals("https") ? "; Secure" : "";
    return Access.COOKIE + "=" + value + "; HttpOnly; SameSite=Strict; Path=/" + secure + more;
  }

  /** The body's password: {@code {"password": "..."}} and nothing else. */
  private static String password(String text) {
    Map<String, Object> body;
    try {
      body = Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      // not the parser's message: it may quote the body, and so a mistyped password
      throw ApiProblem.of(
          400, ApiProblem.BAD_BODY, "Bad request body", "the body must be {\"password\": \"...\"}");
    }
    if (!(body.get("password") instanceof String given) || body.size() != 1) {
      throw ApiProblem.of(
          400, ApiProblem.BAD_BODY, "Bad request body", "the body must be {\"password\": \"...\"}");
    }
    return given;
  }
}
