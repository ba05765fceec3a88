package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.runner.store.RunRecord;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's paths for secrets, which {@link SecretsTest} cannot take in-process: its log lines
 * on stdout (what {@code docker logs} and the journal keep), a run and its notification, with a
 * secret that only the process environment holds.
 */
class SecretsIT {

  @TempDir Path home;

  @Test
  void the_daemon_shows_no_secret_in_its_log_its_files_or_what_it_sends() throws Exception {
    List<String> sent = new CopyOnWriteArrayList<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          sent.add(body);
          String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] answer =
              ("echo " + auth + " " + Base64.getEncoder().encodeToString(auth.getBytes()))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    hook.start();
    try {
      PackagedJar jar = new PackagedJar(home);
      jar.env.put("GITHUB_TOKEN", SecretsTest.GITHUB);
      jar.config(
          """
          {"leak": {"type": "shell", "every": "1h",
             "command": "echo raw $NOTION_TOKEN $GITHUB_TOKEN $DB_URL; printf %%s \\"$GITHUB_TOKEN\\" | base64 -w0; echo; exit 2",
             "notify": [{"name": "ops", "triggers": ["technical_failure"],
               "channels": [{"type": "webhook", "url": "http://127.0.0.1:%d/hook",
                             "headers": {"Authorization": "Bearer ${GITHUB_TOKEN}"}}]}]}}
          """
              .formatted(hook.getAddress().getPort()));
      Files.writeString(
          home.resolve(".env"),
          "NOTION_TOKEN=%s\nDB_URL=%s\nRUNNER_SECRETS=DB_URL\n"
              .formatted(SecretsTest.NOTION, SecretsTest.DB_URL));
      Files.setPosixFilePermissions(
          home.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
      Path out = home.resolve("../daemon.out").normalize();
      Path err = home.resolve("../daemon.err").normalize();
      Process daemon = jar.start(out, err, "daemon");
      PackagedJar.awaitTrue(
          "the run and its notification to be recorded",
          Duration.ofSeconds(60),
          () ->
              jar.rows("leak").stream()
                  .map(RunRecord::message)
                  .anyMatch(m -> m != null && m.contains("notifications")));
      daemon.destroy();
      assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();

      String log = Files.readString(out) + Files.readString(err);
      assertThat(log).contains("end   leak run=1");
      assertThat(jar.exec("logs", "1").out()).startsWith("raw *** *** ***\n***");
      assertThat(sent).isNotEmpty();
      assertThat(jar.rows("leak").get(0).message()).contains("echo Bearer ***");

      Map<String, String> places = new LinkedHashMap<>();
      places.put("the daemon's stdout and stderr", log);
      places.put("what the webhook received", String.join("\n", sent));
      try (Stream<Path> files = Files.walk(home)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> !f.equals(home.resolve(".env")))
            .forEach(f -> places.put(home.relativize(f).toString(), SecretsTest.read(f)));
      }
      for (String secret : List.of(SecretsTest.NOTION, SecretsTest.GITHUB, SecretsTest.DB_URL)) {
        for (String form : SecretsTest.forms(secret)) {
          places.forEach(
              (where, text) -> assertThat(text).as("%s in %s", form, where).doesNotContain(form));
        }
      }
    } finally {
      hook.stop(0);
    }
  }
}
