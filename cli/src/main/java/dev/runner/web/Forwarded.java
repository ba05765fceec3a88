package dev.runner.web;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;

/**
 * Where a request came from and the origin the browser saw. Behind a reverse proxy the peer is the
 * proxy, so with {@code RUNNER_WEB_TRUST_PROXY=1} the client is the last address of {@code
 * X-Forwarded-For} (the one the proxy added; earlier ones are the client's own word) and the origin
 * is {@code X-Forwarded-Proto}://{@code X-Forwarded-Host}. Off by default: without a proxy any
 * client could send those headers and pick its own address to dodge the login limit.
 */
record Forwarded(boolean trusted) {

  static final String SETTING = "RUNNER_WEB_TRUST_PROXY";

  /** The setting's value as {@code .env} or the environment gives it: 1, true or yes. */
  static Forwarded of(String setting) {
    String value = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
    return new Forwarded(value.equals("1") || value.equals("true") || value.equals("yes"));
  }

  String client(HttpExchange exchange) {
    String chain = trusted ? exchange.getRequestHeaders().getFirst("X-Forwarded-For") : null;
    if (chain != null && !chain.isBlank()) {
      String[] hops = chain.split(",");
      return hops[hops.length - 1].strip();
    }
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  /** {@code https} only when a trusted proxy says so. */
  String scheme(HttpExchange exchange) {
    String proto = trusted ? first(exchange, "X-Forwarded-Proto") : null;
    return proto != null && proto.equalsIgnoreCase("https") ? "https" : "http";
  }

  /** The host the browser asked for: a trusted proxy's {@code X-Forwarded-Host}, else Host. */
  String host(HttpExchange exchange) {
    String forwarded = trusted ? first(exchange, "X-Forwarded-Host") : null;
    if (forwarded != null) {
      return forwarded;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    return host == null ? "" : host.strip();
  }

  /** The server's own origin as the browser has it: what a change's {@code Origin} must be. */
  String origin(HttpExchange exchange) {
    return scheme(exchange) + "://" + host(exchange);
  }

  private static String first(HttpExchange exchange, String header) {
    String value = exchange.getRequestHeaders().getFirst(header);
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.split(",", 2)[0].strip();
  }
}
