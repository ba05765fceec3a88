package dev.runner.web;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files, served from the jar's {@code dev/runner/web/console/} folder and nothing
 * else: a name is one plain segment ({@code app.js}, {@code page-task.js}) of letters, digits and
 * dashes with a known extension, so {@code ..}, {@code %2e%2e}, a backslash, an encoded slash or an
 * absolute path never reaches the class loader (each is a 404).
 *
 * <p>Every answer carries a Content-Security-Policy that allows only this origin's scripts and
 * styles (no inline script, no eval) and no framing, so a task's text that slipped into the page as
 * markup still could not run; an ETag lets a browser keep a file until the jar changes.
 */
final class Assets {

  static final String FOLDER = "/dev/runner/web/console/";

  /** A file's name: one segment, no dots but the extension's, so nothing can climb out. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html",
          "css", "text/css",
          "js", "text/javascript",
          "svg", "image/svg+xml");

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** A file read once: the jar does not change under a running server. */
  private record File(byte[] bytes, String type, String etag) {}

  private final Map<String, File> files = new ConcurrentHashMap<>();

  /** {@code GET /}: the console's single page; its routes are after the {@code #}. */
  void index(Call call) throws IOException {
    send(call, "index.html");
  }

  /** {@code GET /assets/{name}}: a file of the jar's console folder. */
  void file(Call call) throws IOException {
    send(call, call.path.get(1));
  }

  private void send(Call call, String name) throws IOException {
    File file = files.get(name);
    if (file == null) {
      file = load(name).orElseThrow(() -> ApiProblem.http(404, "no such file in the console"));
      files.put(name, file); // only the jar's own files: a crawl of made-up names keeps nothing
    }
    Headers headers = call.exchange.getResponseHeaders();
    headers.set("Content-Security-Policy", POLICY);
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "same-origin");
    // kept, but asked about each time: a new jar's files replace the old ones at once
    headers.set("Cache-Control", "no-cache");
    headers.set("ETag", file.etag());
    String asked = call.exchange.getRequestHeaders().getFirst("If-None-Match");
    if (file.etag().equals(asked)) {
      call.exchange.sendResponseHeaders(304, -1);
      return;
    }
    headers.set("Content-Type", file.type() + "; charset=utf-8");
    call.exchange.sendResponseHeaders(200, file.bytes().length);
    try (OutputStream out = call.exchange.getResponseBody()) {
      out.write(file.bytes());
    }
  }

  /** The file, when the name is one of the folder's plain names and the jar has it. */
  static Optional<File> load(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    try (InputStream in = Assets.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      String extension = name.substring(name.lastIndexOf('.') + 1);
      return Optional.of(new File(bytes, TYPES.get(extension), etag(bytes)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
