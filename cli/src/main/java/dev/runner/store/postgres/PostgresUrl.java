package dev.runner.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code RUNNER_DB} naming a PostgreSQL database: {@code postgresql://USER@HOST:PORT/DB} with the
 * driver's options as the query ({@code ?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem}). The
 * password is not in it: it comes from {@code RUNNER_DB_PASSWORD}, so the value can be shown.
 */
public record PostgresUrl(String user, String host, int port, String database, String query) {

  public static final String SCHEME = "postgresql://";

  private static final int DEFAULT_PORT = 5432;

  /** Whether {@code RUNNER_DB} names PostgreSQL rather than a SQLite file. */
  public static boolean named(String value) {
    return value != null && (value.startsWith(SCHEME) || value.startsWith("postgres://"));
  }

  /** The value read; what is wrong with it, with an example, as the exception's message. */
  public static PostgresUrl parse(String value) {
    String example = "e.g. postgresql://runner@db.lan:5432/runner";
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a URL (" + e.getReason() + "); " + example);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("'" + value + "' names no host; " + example);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isEmpty() || database.contains("/")) {
      throw new IllegalArgumentException(
          "'" + value + "' names no database after the host; " + example);
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      throw new IllegalArgumentException(
          "the password belongs in RUNNER_DB_PASSWORD, not in RUNNER_DB (which is shown in"
              + " messages); "
              + example);
    }
    String user = userInfo == null || userInfo.isEmpty() ? null : decode(userInfo);
    return new PostgresUrl(
        user,
        uri.getHost(),
        uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
        database,
        uri.getRawQuery());
  }

  /** The driver's URL: the options are passed through as they were written. */
  public String jdbc() {
    return "jdbc:postgresql://"
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port
        + "/"
        + database
        + (query == null ? "" : "?" + query);
  }

  /** The user, for the driver (the options stay in the URL). */
  public Properties properties() {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    properties.setProperty("ApplicationName", "runner");
    return properties;
  }

  /** As the user wrote it, for messages: it holds no password. */
  public String display() {
    return SCHEME
        + (user == null ? "" : user + "@")
        + host
        + ":"
        + port
        + "/"
        + database
        + (query == null ? "" : "?" + query);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
