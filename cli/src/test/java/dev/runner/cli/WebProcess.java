package dev.runner.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code runner web --listen 127.0.0.1:0} started from the packaged jar, and the JDK's HTTP client
 * to ask it: its URL is read from the first line it prints.
 */
final class WebProcess implements AutoCloseable {

  final Process process;
  final URI url;
  final Path out;
  final Path err;
  final HttpClient client = HttpClient.newHttpClient();

  private WebProcess(Process process, URI url, Path out, Path err) {
    this.process = process;
    this.url = url;
    this.out = out;
    this.err = err;
  }

  static WebProcess start(PackagedJar jar, String... more) throws Exception {
    return startOn(jar, "127.0.0.1:0", more);
  }

  /** On {@code listen}, e.g. {@code 0.0.0.0:0}: the URL then names 0.0.0.0, this host. */
  static WebProcess startOn(PackagedJar jar, String listen, String... more) throws Exception {
    Path out = Files.createTempFile(jar.home, "web-out-", ".txt");
    Path err = Files.createTempFile(jar.home, "web-err-", ".txt");
    String[] args = new String[more.length + 3];
    args[0] = "web";
    args[1] = "--listen";
    args[2] = listen;
    System.arraycopy(more, 0, args, 3, more.length);
    Process process = jar.start(out, err, args);
    PackagedJar.awaitTrue(
        "runner web to say its URL",
        Duration.ofSeconds(30),
        () -> !process.isAlive() || firstLine(out).endsWith("/"));
    String line = firstLine(out);
    if (!line.startsWith("runner web: http://")) {
      process.destroyForcibly();
      throw new AssertionError(
          "runner web did not start: " + line + "\nstderr: " + Files.readString(err));
    }
    // a server on every address is asked on 127.0.0.1, so it sees an IPv4 client
    String url = line.substring("runner web: ".length()).replace("//0.0.0.0:", "//127.0.0.1:");
    return new WebProcess(process, URI.create(url), out, err);
  }

  private static String firstLine(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return end < 0 ? "" : text.substring(0, end);
    } catch (IOException e) {
      return "";
    }
  }

  /** The origin a browser on this server's pages would send. */
  String origin() {
    return "http://" + url.getHost() + ":" + url.getPort();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30));
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET());
  }

  /** A change as the API wants it: JSON, no foreign origin. */
  HttpResponse<String> post(String path, String json) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** SIGTERM, and the exit waited for. */
  int stop() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("runner web did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      stop();
    }
  }
}
