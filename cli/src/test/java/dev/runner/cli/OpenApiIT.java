package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is true: every operation it lists is called on the packaged jar with the
 * document's own examples, and each answer has a status the operation lists, its media type and a
 * body its schema accepts. (That no route is missing from it is {@code OpenApiRoutesTest}'s.)
 */
class OpenApiIT {

  @TempDir static Path home;

  static WebProcess web;
  static JsonNode doc;

  static final ObjectMapper JSON = new ObjectMapper();

  /** The order the calls go in: reads before the changes that could alter what they read. */
  static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  @BeforeAll
  static void start() throws Exception {
    PackagedJar jar = new PackagedJar(home);
    // the login's example password, so that its call answers 204
    java.nio.file.Path env = home.resolve(".env");
    java.nio.file.Files.writeString(env, "RUNNER_WEB_PASSWORD=openapi-example-password\n");
    java.nio.file.Files.setPosixFilePermissions(
        env, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    jar.config(
        """
        {"hello": {"type": "shell", "every": "1h", "command": "echo hi $RUNNER_PARAM_NOTE",
                   "description": "说你好"},
         "other": {"type": "shell", "cron": "0 9 * * *", "command": "true"},
         "slow": {"type": "shell", "command": "sleep 300"},
         "win": {"type": "shell", "every": "15m", "window": true,
                 "command": "echo $RUNNER_WINDOW_START"}}
        """);
    // run 1, which the examples name; run-now's example starts run 2 (slow), which cancel's stops
    assertThat(jar.run("run", "hello")).isZero();
    web = WebProcess.start(jar);
    HttpResponse<String> answer = web.get("/api/v1/openapi.json");
    assertThat(answer.statusCode()).isEqualTo(200);
    doc = JSON.readTree(answer.body());
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.close();
    }
  }

  record Operation(String method, String path, JsonNode spec, JsonNode pathSpec) {
    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  @Test
  void the_document_is_openapi_3_1_and_every_operation_it_lists_answers_as_it_says()
      throws Exception {
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    List<Operation> operations = operations();
    assertThat(operations).hasSizeGreaterThanOrEqualTo(10);
    List<String> wrong = new ArrayList<>();
    for (Operation op : operations) {
      wrong.addAll(call(op));
    }
    assertThat(wrong).as("answers the document does not describe").isEmpty();
  }

  static List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method.getKey())) {
                            out.add(
                                new Operation(
                                    method.getKey(),
                                    path.getKey(),
                                    method.getValue(),
                                    path.getValue()));
                          }
                        }));
    out.sort(Comparator.comparingInt(op -> METHODS.indexOf(op.method())));
    return out;
  }

  /** What is wrong with the operation's answer to its examples; empty when nothing. */
  static List<String> call(Operation op) throws Exception {
    Map<String, JsonNode> params = new LinkedHashMap<>();
    for (JsonNode p : iterable(op.pathSpec().path("parameters"))) {
      p = resolve(p);
      params.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
    }
    for (JsonNode p : iterable(op.spec().path("parameters"))) {
      p = resolve(p);
      params.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
    }
    String path = op.path();
    StringBuilder query = new StringBuilder();
    for (JsonNode p : params.values()) {
      if (!p.has("example")) {
        if (p.path("required").asBoolean()) {
          return List.of(
              op + ": required parameter " + p.path("name").asText() + " has no example");
        }
        continue;
      }
      String value = URLEncoder.encode(p.path("example").asText(), StandardCharsets.UTF_8);
      if (p.path("in").asText().equals("path")) {
        path = path.replace("{" + p.path("name").asText() + "}", value);
      } else {
        query.append(query.length() == 0 ? "?" : "&");
        query.append(p.path("name").asText()).append('=').append(value);
      }
    }
    HttpRequest.Builder request = web.request(path + query);
    JsonNode body = op.spec().path("requestBody").path("content").path("application/json");
    JsonNode example = body.path("example");
    if (example.has("version")) {
      // a version is the file's at the time of the call, which no example can know beforehand
      example = example.deepCopy();
      ((ObjectNode) example)
          .put("version", JSON.readTree(web.get("/api/v1/config").body()).path("version").asText());
    }
    HttpRequest.BodyPublisher publisher =
        body.has("example")
            ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(example))
            : HttpRequest.BodyPublishers.noBody();
    if (!op.method().equals("get")) {
      request.header("Content-Type", "application/json");
    }
    request.method(op.method().toUpperCase(), publisher);
    HttpResponse<InputStream> answer =
        web.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    String status = Integer.toString(answer.statusCode());
    String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    String text;
    try (InputStream in = answer.body()) {
      // a stream of events never ends by itself: its headers say enough
      text =
          type.equals("text/event-stream")
              ? ""
              : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonNode responses = op.spec().path("responses");
    if (!status.startsWith("2")) {
      return List.of(op + ": the example got " + status + " " + text);
    }
    if (!responses.has(status)) {
      return List.of(op + ": answered " + status + ", which it does not list");
    }
    JsonNode content = resolve(responses.get(status)).path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return text.isEmpty() ? List.of() : List.of(op + ": a body where none is listed");
    }
    if (!content.has(type)) {
      return List.of(op + ": answered " + type + ", not one of " + names(content));
    }
    JsonNode schema = content.get(type).path("schema");
    if (!type.endsWith("json") || schema.isMissingNode()) {
      return List.of();
    }
    List<String> wrong = new ArrayList<>();
    for (Error error : validate(schema, text)) {
      wrong.add(op + ": " + error);
    }
    return wrong;
  }

  static List<Error> validate(JsonNode schema, String text) {
    // the schema as the root of a document holding the components' schemas as its $defs, so its
    // $refs resolve and no keyword is unknown to JSON Schema
    ObjectNode root = schema.deepCopy();
    root.set("$defs", doc.path("components").path("schemas"));
    String rooted = root.toString().replace("\"#/components/schemas/", "\"#/$defs/");
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(rooted, InputFormat.JSON)
        .validate(text, InputFormat.JSON);
  }

  /** A {@code $ref} to the document's components, followed. */
  static JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      node = doc.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  static Iterable<JsonNode> iterable(JsonNode array) {
    return array::elements;
  }

  static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
