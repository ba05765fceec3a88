package dev.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.TaskTypes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route of the API is in the OpenAPI document, and the document lists no other. */
class OpenApiRoutesTest {

  @TempDir Path dir;

  @Test
  void the_document_lists_exactly_the_routes_the_server_has() throws Exception {
    Files.writeString(
        dir.resolve("tasks_config.json"),
        "{\"hello\": {\"type\": \"shell\", \"every\": \"1h\", \"command\": \"true\"}}");
    ConfigLoader loader =
        new ConfigLoader(TaskTypes.load(getClass().getClassLoader()), Map.of(), ZoneOffset.UTC);
    Home home = Home.resolve(null, null, null, Map.of(), dir);
    WebServer server =
        WebServer.start(
            Listen.parse("127.0.0.1:0"),
            () -> loader.load(home),
            () -> loader.loadSettings(home),
            loader,
            Clock.systemUTC());
    List<String> routes;
    try {
      routes =
          server.operations().stream()
              .filter(op -> op.contains(" /api/") || op.endsWith(" /healthz"))
              .toList();
    } finally {
      server.stop();
    }

    JsonNode doc;
    try (InputStream in = WebServer.class.getResourceAsStream("openapi.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    List<String> documented = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (!method.equals("parameters")) {
                            documented.add(
                                method.toUpperCase(Locale.ROOT)
                                    + " "
                                    + path.getKey().replaceAll("\\{[^}]+}", "{}"));
                          }
                        }));

    assertThat(routes).as("routes").isNotEmpty();
    assertThat(documented)
        .as("operations in openapi.json")
        .containsExactlyInAnyOrderElementsOf(routes);
  }
}
