package dev.runner.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runner.config.InvalidConfigException;
import dev.runner.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * {@code runner web}: the API on the JDK's own HTTP server (as JobRunr's dashboard serves itself),
 * on a loopback address only until logins and tokens exist.
 *
 * <p>What every request passes before its handler, in order: its {@code Host} must be a loopback
 * name or address (a page on another site that rebinds its DNS name to 127.0.0.1 would otherwise
 * read the API as its own origin); its path must be one of the routes (404) and its method one of
 * the path's (405 with {@code Allow}); a change (POST, PUT, PATCH, DELETE) must say {@code
 * Content-Type: application/json}, which a page's form cannot send to another origin without the
 * browser asking first, and an {@code Origin} it carries must be the server's own (403 otherwise):
 * so no web page the user opens can drive the local API.
 */
public final class WebServer {

  /** The HTTP threads: requests are short reads; runs go in the home's own pool. */
  private static final int THREADS = 8;

  private final HttpServer server;
  private final WebHome home;
  private final ExecutorService threads;
  private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  interface Handler {
    void handle(Call call) throws IOException, InvalidConfigException;
  }

  private WebServer(HttpServer server, WebHome home) {
    this.server = server;
    this.home = home;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread thread = new Thread(r, "runner-web-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    Api api = new Api(home);
    Assets assets = new Assets();
    route("GET", "/", assets::index);
    route("GET", "/assets/*", assets::file);
    route("GET", "/healthz", api::health);
    route("GET", "/api/v1/openapi.json", api::openapi);
    route("GET", "/api/v1/tasks", api::tasks);
    route("GET", "/api/v1/tasks/*", api::task);
    route("POST", "/api/v1/tasks/*/run", api::run);
    route("GET", "/api/v1/runs", api::runs);
    route("GET", "/api/v1/runs/*", api::runDetail);
    route("GET", "/api/v1/runs/*/log", api::log);
    route("GET", "/api/v1/stats", api::stats);
    route("GET", "/api/v1/status", api::status);
    server.createContext("/", this::serve);
    server.setExecutor(threads);
  }

  /**
   * Serves the home on {@code listen}: its config read by {@code config} (one whose tasks do not
   * load is served with its problems and {@code settings}' read), the server started.
   *
   * @throws InvalidConfigException when even the settings and {@code .env} do not load
   * @throws IOException when the address cannot be bound (taken, not this host's)
   */
  public static WebServer start(
      Listen listen, WebHome.Loader config, WebHome.Loader settings, Clock clock)
      throws IOException, InvalidConfigException {
    WebHome home = WebHome.open(new WebHome.Source(config, settings), clock);
    HttpServer http;
    try {
      http = HttpServer.create(listen.address(), 64);
    } catch (IOException e) {
      home.close();
      throw e;
    }
    WebServer web = new WebServer(http, home);
    http.start();
    return web;
  }

  /** Where it is reached: {@code http://127.0.0.1:8080/}, the port the system gave for 0. */
  public URI url() {
    InetSocketAddress at = server.getAddress();
    String host = at.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host.replaceFirst("%.*", "") + "]";
    }
    return URI.create("http://" + host + ":" + at.getPort() + "/");
  }

  /**
   * The stop, once: no new connection is taken, requests under way get a second to end, then the
   * runs started here are stopped and recorded as stopped.
   */
  public synchronized void stop() {
    if (stopped.getCount() == 0) {
      return; // stopped already: the daemon stops it on its way out and on SIGTERM
    }
    try {
      server.stop(1);
      threads.shutdown();
      home.stop();
      home.close();
    } finally {
      stopped.countDown();
    }
  }

  /** Waits until {@link #stop} has ended. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /**
   * Every route as {@code "GET /api/v1/tasks/{}"}, a path parameter written {@code {}}: what the
   * OpenAPI document must list, no more and no less.
   */
  List<String> operations() {
    List<String> out = new ArrayList<>();
    routes.forEach(
        (pattern, methods) ->
            methods.keySet().forEach(method -> out.add(method + " " + pattern.replace("*", "{}"))));
    return out;
  }

  private void route(String method, String pattern, Handler handler) {
    routes.computeIfAbsent(pattern, k -> new LinkedHashMap<>()).put(method, handler);
  }

  private static final Pattern SEGMENT = Pattern.compile("[^/]+");

  /** The route a path takes: its pattern, with {@code *} one segment; null when none. */
  private String match(List<String> path) {
    for (String pattern : routes.keySet()) {
      List<String> parts = Call.segments(pattern);
      if (parts.size() != path.size()) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < parts.size() && all; i++) {
        String part = parts.get(i);
        all = part.equals("*") ? SEGMENT.matcher(path.get(i)).matches() : part.equals(path.get(i));
      }
      if (all) {
        return pattern;
      }
    }
    return null;
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      Call call =
          new Call(exchange, Call.segments(exchange.getRequestURI().getRawPath()), home.redactor());
      try {
        checkHost(exchange);
        String pattern = match(call.path);
        if (pattern == null) {
          throw ApiProblem.http(404, "no such path: " + exchange.getRequestURI().getRawPath());
        }
        Map<String, Handler> methods = routes.get(pattern);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Handler handler = methods.get(method);
        if (handler == null) {
          throw ApiProblem.methodNotAllowed(method, new ArrayList<>(methods.keySet()));
        }
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
          checkChange(exchange);
        }
        handler.handle(call);
      } catch (ApiProblem p) {
        call.problem(p);
      } catch (StoreException e) {
        home.engine().taskLog().error("web: " + exchange.getRequestURI().getRawPath(), e);
        call.problem(
            ApiProblem.of(
                503,
                ApiProblem.STORE,
                "The database cannot be used",
                e.getMessage() + "; " + e.kind().hint()));
      } catch (RuntimeException | InvalidConfigException e) {
        home.engine().taskLog().error("web: " + exchange.getRequestURI().getRawPath(), e);
        call.problem(ApiProblem.http(500, "internal error; the stack trace is in logs/task.log"));
      }
    } catch (IOException e) {
      // the client went away mid-answer: nothing to tell it
    }
  }

  /** Only a loopback name or address may be the request's host (see the class comment). */
  private static void checkHost(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return; // HTTP/1.0 without one: no browser sends that
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      name = end < 0 ? name : name.substring(1, end);
    } else if (name.lastIndexOf(':') >= 0) {
      name = name.substring(0, name.lastIndexOf(':'));
    }
    if (!loopbackName(name)) {
      throw ApiProblem.of(
          403,
          ApiProblem.FORBIDDEN,
          "Host not allowed",
          "this server answers only to a loopback host (127.0.0.1, ::1, localhost), not \""
              + host
              + "\"; a reverse proxy in front must pass the upstream's host");
    }
  }

  private static boolean loopbackName(String name) {
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    // a literal only: a name is not looked up, so a rebinding DNS answer cannot pass
    boolean v4 = name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = name.contains(":") && name.matches("[0-9a-f:.]+");
    if (!v4 && !v6) {
      return false;
    }
    try {
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** A change must be JSON and, from a browser, from this server's own origin. */
  private static void checkChange(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw ApiProblem.of(
          403,
          ApiProblem.FORBIDDEN,
          "Content-Type must be application/json",
          "a change must say Content-Type: application/json"
              + (type == null ? "" : ", not " + type)
              + " (a web page cannot send that to another site without asking)");
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null) {
      String host = exchange.getRequestHeaders().getFirst("Host");
      String own = "http://" + (host == null ? "" : host.strip());
      if (!origin.strip().equalsIgnoreCase(own)) {
        throw ApiProblem.of(
            403,
            ApiProblem.FORBIDDEN,
            "Origin not allowed",
            "a change from a web page must come from " + own + ", not " + origin);
      }
    }
  }
}
