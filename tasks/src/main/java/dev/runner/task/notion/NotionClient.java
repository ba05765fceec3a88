package dev.runner.task.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runner.task.TaskContext;
import dev.runner.task.http.HttpCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The three Notion API calls the journal types need: query a database, create a page, append
 * blocks. Each error becomes a {@link NotionException} that says what to fix; a 429 with a short
 * {@code Retry-After} is waited out (at most three times) before it counts as a failure.
 */
final class NotionClient {

  static final String VERSION = "2022-06-28";

  /** How long one request may take, its answer read to the end included. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final long MAX_RETRY_AFTER_SECONDS = 30;
  private static final int BLOCKS_PER_REQUEST = 100;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client;
  private final String baseUrl;
  private final String token;
  private final TaskContext context;
  private final Duration requestTimeout;

  NotionClient(String baseUrl, String token, TaskContext context, Duration requestTimeout) {
    this.client = HttpCall.client(requestTimeout, true);
    this.requestTimeout = requestTimeout;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
    this.context = context;
  }

  /** The first page of the database that {@code filter} matches, if any. */
  Optional<JsonNode> findPage(String databaseId, ObjectNode filter)
      throws NotionException, InterruptedException {
    ObjectNode body = json.createObjectNode();
    body.set("filter", filter);
    body.put("page_size", 1);
    JsonNode answer = call("POST", "/databases/" + databaseId + "/query", body, "database");
    JsonNode results = answer.path("results");
    return results.isArray() && !results.isEmpty() ? Optional.of(results.get(0)) : Optional.empty();
  }

  /** Creates a page with its blocks (the first hundred inline, the rest appended). */
  JsonNode createPage(String databaseId, ObjectNode properties, ArrayNode blocks)
      throws NotionException, InterruptedException {
    ObjectNode body = json.createObjectNode();
    body.putObject("parent").put("database_id", databaseId);
    body.set("properties", properties);
    ArrayNode first = json.createArrayNode();
    for (int i = 0; i < Math.min(BLOCKS_PER_REQUEST, blocks.size()); i++) {
      first.add(blocks.get(i));
    }
    body.set("children", first);
    JsonNode page = call("POST", "/pages", body, "database");
    for (int from = BLOCKS_PER_REQUEST; from < blocks.size(); from += BLOCKS_PER_REQUEST) {
      ArrayNode chunk = json.createArrayNode();
      for (int i = from; i < Math.min(from + BLOCKS_PER_REQUEST, blocks.size()); i++) {
        chunk.add(blocks.get(i));
      }
      ObjectNode append = json.createObjectNode();
      append.set("children", chunk);
      call("PATCH", "/blocks/" + page.path("id").asText() + "/children", append, "page");
    }
    return page;
  }

  private JsonNode call(String method, String path, JsonNode body, String what)
      throws NotionException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(requestTimeout)
              .header("Authorization", "Bearer " + token)
              .header("Notion-Version", VERSION)
              .header("Content-Type", "application/json")
              .method(
                  method,
                  HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
              .build();
      HttpCall.Response response;
      try {
        response = HttpCall.send(client, request, context, requestTimeout);
      } catch (HttpCall.Failure e) {
        throw new NotionException("Notion: " + e.getMessage(), true);
      }
      if (response.status() / 100 == 2) {
        try {
          return json.readTree(response.body());
        } catch (IOException e) {
          throw new NotionException("Notion answered something that is not JSON", true);
        }
      }
      if (response.status() == 429 && attempt <= 3) {
        long wait = retryAfter(response);
        if (wait <= MAX_RETRY_AFTER_SECONDS) {
          context.log("Notion asks to slow down; waiting " + wait + " s (Retry-After)");
          pause(wait);
          continue;
        }
      }
      throw error(response, what);
    }
  }

  /** Waits, but not past the run's cancellation. */
  private void pause(long seconds) throws InterruptedException, NotionException {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < until) {
      if (context.cancellation().isCancelled()) {
        throw new NotionException("Notion: stopped while waiting out a rate limit", true);
      }
      Thread.sleep(100);
    }
  }

  private static long retryAfter(HttpCall.Response response) {
    try {
      return Math.max(0, Long.parseLong(String.valueOf(response.header("retry-after")).strip()));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private NotionException error(HttpCall.Response response, String what) {
    String code = "";
    String message = HttpCall.shorten(response.body());
    try {
      JsonNode answer = json.readTree(response.body());
      code = answer.path("code").asText("");
      message = answer.path("message").asText(message);
    } catch (IOException ignored) {
      // not JSON: keep the raw text
    }
    int status = response.status();
    String text =
        switch (status) {
          case 401 -> "Notion rejected the token (401 " + code + "): check NOTION_TOKEN";
          case 403 ->
              "Notion refused access (403 "
                  + code
                  + "): share the "
                  + what
                  + " with the integration";
          case 404 ->
              "Notion cannot find the "
                  + what
                  + " (404 "
                  + code
                  + "): check"
                  + " NOTION_DATABASE_ID and that the database is shared with the integration";
          case 429 ->
              "Notion rate limit (429): retry after " + response.header("retry-after") + " s";
          default -> "Notion " + status + (code.isEmpty() ? "" : " " + code) + ": " + message;
        };
    return new NotionException(text, status >= 500 || status == 429);
  }
}
