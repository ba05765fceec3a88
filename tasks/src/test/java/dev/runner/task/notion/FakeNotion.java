package dev.runner.task.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local peer that speaks the three Notion endpoints the journal types use, with Notion's error
 * shapes: query a database, create a page, append block children.
 */
public final class FakeNotion implements AutoCloseable {

  public static final String TOKEN = "secret_good_token";
  public static final String DATABASE = "db0123456789";

  public record Page(String id, String title, String date, ArrayNode children) {
    /** The text of the page's first block, its heading. */
    public String heading() {
      return children
          .get(0)
          .path("heading_1")
          .path("rich_text")
          .path(0)
          .path("text")
          .path("content")
          .asText();
    }
  }

  public final List<Page> pages = new CopyOnWriteArrayList<>();
  public final List<String> calls = new CopyOnWriteArrayList<>();
  final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  public volatile int failNextWith; // 0: answer normally
  public volatile String retryAfter = "1";

  public FakeNotion() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring(3);
    String method = exchange.getRequestMethod();
    calls.add(method + " " + path);
    JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
    if (failNextWith != 0) {
      int status = failNextWith;
      failNextWith = 0;
      if (status == 429) {
        exchange.getResponseHeaders().set("Retry-After", retryAfter);
        error(exchange, 429, "rate_limited", "You have been rate limited.");
      } else {
        error(exchange, status, "internal_server_error", "Something went wrong.");
      }
      return;
    }
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      error(exchange, 401, "unauthorized", "API token is invalid.");
      return;
    }
    if (exchange.getRequestHeaders().getFirst("Notion-Version") == null) {
      error(exchange, 400, "missing_version", "Notion-Version header failed validation");
      return;
    }
    if (method.equals("POST") && path.matches("/databases/[^/]+/query")) {
      String id = path.split("/")[2];
      if (!id.equals(DATABASE)) {
        error(exchange, 404, "object_not_found", "Could not find database with ID: " + id + ".");
        return;
      }
      JsonNode filter = body.path("filter");
      ObjectNode answer = json.createObjectNode().put("object", "list");
      ArrayNode results = answer.putArray("results");
      for (Page page : pages) {
        boolean match =
            filter.has("title")
                ? page.title.equals(filter.path("title").path("equals").asText())
                : page.date != null
                    && page.date.equals(filter.path("date").path("equals").asText());
        if (match) {
          results.addObject().put("object", "page").put("id", page.id).put("url", link(page.id));
        }
      }
      answer.put("has_more", false);
      send(exchange, 200, answer);
    } else if (method.equals("POST") && path.equals("/pages")) {
      if (!DATABASE.equals(body.path("parent").path("database_id").asText())) {
        error(exchange, 404, "object_not_found", "Could not find database.");
        return;
      }
      String title = "";
      String date = null;
      for (JsonNode property : body.path("properties")) {
        if (property.has("title")) {
          title = property.path("title").path(0).path("text").path("content").asText();
        }
        if (property.has("date")) {
          date = property.path("date").path("start").asText();
        }
      }
      ArrayNode children = (ArrayNode) body.path("children");
      if (children.size() > 100) {
        error(exchange, 400, "validation_error", "body.children.length should be ≤ 100");
        return;
      }
      Page page = new Page(UUID.randomUUID().toString(), title, date, children.deepCopy());
      pages.add(page);
      send(
          exchange,
          200,
          json.createObjectNode()
              .put("object", "page")
              .put("id", page.id)
              .put("url", link(page.id)));
    } else if (method.equals("PATCH") && path.matches("/blocks/[^/]+/children")) {
      String id = path.split("/")[2];
      Page page = pages.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
      if (page == null) {
        error(exchange, 404, "object_not_found", "Could not find block with ID: " + id + ".");
        return;
      }
      page.children.addAll((ArrayNode) body.path("children"));
      send(exchange, 200, json.createObjectNode().put("object", "list"));
    } else {
      error(exchange, 400, "invalid_request_url", "Invalid request URL.");
    }
  }

  private static String link(String id) {
    return "https://www.notion.so/" + id.replace("-", "");
  }

  private void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    send(
        exchange,
        status,
        json.createObjectNode()
            .put("object", "error")
            .put("status", status)
            .put("code", code)
            .put("message", message));
  }

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
