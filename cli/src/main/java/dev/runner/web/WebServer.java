package dev.runner.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runner.config.ConfigEditor;
import dev.runner.config.ConfigLoader;
import dev.runner.config.InvalidConfigException;
import dev.runner.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * {@code runner web}: the API on the JDK's own HTTP server (as JobRunr's dashboard serves itself).
 *
 * <p>What every request passes before its handler, in order: on a server that needs no login
 * (loopback, no proxy trusted) its {@code Host} must be a loopback name or address (a page on
 * another site that rebinds its DNS name to 127.0.0.1 would otherwise read the API as its own
 * origin; where a login is needed, such a page has none, so any host is taken); its path must be
 * one of the routes (404) and its method one of the path's (405 with {@code Allow}); its caller
 * ({@link Access}) must have the scope {@link RouteScopes} says the route needs (401, 403); a
 * change (POST, PUT, PATCH, DELETE) must say {@code Content-Type: application/json}, which a page's
 * form cannot send to another origin without the browser asking first, an {@code Origin} it carries
 * must be the server's own, and one made with a session cookie must carry the session's CSRF token
 * (403 otherwise). After its answer, every change is written to the audit table.
 */
public final class WebServer {

  /** The HTTP threads: requests are short reads; runs go in the home's own pool. */
  private static final int THREADS = 8;

  private final HttpServer server;
  private final WebHome home;
  private final ExecutorService threads;
  private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Events events;
  private final LogStream logs;
  private final Access access;
  private final Forwarded forwarded;
  private final Audit audit;

  interface Handler {
    void handle(Call call) throws IOException, InvalidConfigException;
  }

  private WebServer(
      HttpServer server, WebHome home, ConfigLoader loader, Access access, Forwarded forwarded) {
    this.server = server;
    this.home = home;
    this.access = access;
    this.forwarded = forwarded;
    this.audit = new Audit(home);
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread thread = new Thread(r, "runner-web-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.logs = new LogStream(home.reads(), home::redactor);
    this.events = new Events(home);
    Api api = new Api(home, logs);
    RunControl control = new RunControl(home, api);
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
    route("POST", "/api/v1/runs/*/cancel", control::cancel);
    route("POST", "/api/v1/tasks/*/backfill", control::backfill);
    route("GET", "/api/v1/events", events::subscribe);
    route("GET", "/api/v1/stats", api::stats);
    route("GET", "/api/v1/status", api::status);
    route("GET", "/api/v1/hosts", api::hosts);
    ConfigApi config = new ConfigApi(home, api, new ConfigEditor(loader));
    route("POST", "/api/v1/tasks", config::create);
    route("PUT", "/api/v1/tasks/*", config::replace);
    route("DELETE", "/api/v1/tasks/*", config::delete);
    route("POST", "/api/v1/tasks/*/enable", config::enable);
    route("POST", "/api/v1/tasks/*/disable", config::disable);
    route("GET", "/api/v1/config", config::config);
    route("PUT", "/api/v1/config", config::replaceText);
    route("POST", "/api/v1/config/validate", config::validate);
    route("GET", "/api/v1/cron", new CronApi(home)::cron);
    Login login =
        new Login(access, access.sessions(), LoginLimit.standard(home.clock()), forwarded);
    route("POST", "/api/v1/login", login::login);
    route("POST", "/api/v1/logout", login::logout);
    route("GET", "/api/v1/session", login::session);
    route("GET", "/api/v1/audit", audit::list);
    server.createContext("/", this::serve);
    server.setExecutor(threads);
  }

  /**
   * Serves the home on {@code listen}: its config read by {@code config} (one whose tasks do not
   * load is served with its problems and {@code settings}' read), its edits checked by {@code
   * loader} as {@code runner validate} checks, the server started.
   *
   * @throws InvalidConfigException when even the settings and {@code .env} do not load
   * @throws IOException when the address cannot be bound (taken, not this host's)
   * @throws IllegalStateException when the server would need a login and none is set up (no {@code
   *     RUNNER_WEB_PASSWORD}, no token): the message says how to set one up
   */
  public static WebServer start(
      Listen listen,
      WebHome.Loader config,
      WebHome.Loader settings,
      ConfigLoader loader,
      Clock clock)
      throws IOException, InvalidConfigException {
    WebHome home = WebHome.open(new WebHome.Source(config, settings), clock);
    Access access;
    Forwarded forwarded;
    HttpServer http;
    try {
      var environment = home.loaded().config().environment();
      forwarded = Forwarded.of(environment.get(Forwarded.SETTING));
      // behind a trusted proxy every request comes from loopback: that says nothing of who sent it
      boolean loginRequired = !listen.loopback() || forwarded.trusted();
      Optional<String> refusal =
          Access.refusal(
              loginRequired,
              forwarded.trusted(),
              environment.get(Access.PASSWORD),
              !home.reads().tokens().isEmpty());
      if (refusal.isPresent()) {
        throw new IllegalStateException(refusal.get());
      }
      SecureRandom random = new SecureRandom();
      access = new Access(loginRequired, home, new Sessions(clock, random), random);
      http = HttpServer.create(listen.address(), 64);
    } catch (IOException | RuntimeException e) {
      home.close();
      throw e;
    }
    WebServer web = new WebServer(http, home, loader, access, forwarded);
    http.start();
    return web;
  }

  /** Where it is reached: {@code http://127.0.0.1:8080/}, the port the system gave for 0. */
  public URI url() {
    InetSocketAddress at = server.getAddress();
    // every address (0.0.0.0 or ::, which Java binds as one): said as people write it
    String host =
        at.getAddress().isAnyLocalAddress() ? "0.0.0.0" : at.getAddress().getHostAddress();
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
      events.close(); // the streams end first: server.stop would wait its second for each
      logs.close();
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
    Call call = null;
    try {
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      String rawPath = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      call = new Call(exchange, Call.segments(rawPath), home.redactor());
      String pattern = null;
      try {
        try {
          if (!access.loginRequired()) {
            checkHost(exchange);
          }
          pattern = match(call.path);
          if (pattern == null) {
            throw ApiProblem.http(404, "no such path: " + rawPath);
          }
          Map<String, Handler> methods = routes.get(pattern);
          Handler handler = methods.get(method);
          if (handler == null) {
            throw ApiProblem.methodNotAllowed(method, new ArrayList<>(methods.keySet()));
          }
          call.caller = access.caller(exchange);
          access.authorize(exchange, call.caller, RouteScopes.need(method, pattern));
          if (RouteScopes.isChange(method)) {
            checkChange(exchange, forwarded.origin(exchange));
            if (!pattern.equals("/api/v1/login")) {
              Access.checkCsrf(exchange, call.caller);
            }
          }
          handler.handle(call);
        } catch (ApiProblem p) {
          call.problem(p);
        } catch (StoreException e) {
          home.engine().taskLog().error("web: " + Masked.text(rawPath, home.redactor()), e);
          call.problem(
              ApiProblem.of(
                  503,
                  ApiProblem.STORE,
                  "The database cannot be used",
                  e.getMessage() + "; " + e.hint()));
        } catch (RuntimeException | InvalidConfigException e) {
          home.engine().taskLog().error("web: " + Masked.text(rawPath, home.redactor()), e);
          call.problem(ApiProblem.http(500, "internal error; the stack trace is in logs/task.log"));
        }
      } finally {
        if (pattern != null && RouteScopes.isChange(method)) {
          audit.record(call, method, rawPath, forwarded.client(exchange));
        }
      }
    } catch (IOException e) {
      // the client went away mid-answer: nothing to tell it
    } finally {
      // a stream's answer goes on in its own thread, which closes it; every other ends here
      if (call == null || !call.detached()) {
        exchange.close();
      }
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
              + "\"; behind a reverse proxy, pass the upstream's host, or set "
              + Forwarded.SETTING
              + "=1 in .env (which makes every request log in)");
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
  private static void checkChange(HttpExchange exchange, String own) {
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
    if (origin != null && !origin.strip().equalsIgnoreCase(own)) {
      throw ApiProblem.of(
          403,
          ApiProblem.FORBIDDEN,
          "Origin not allowed",
          "a change from a web page must come from " + own + ", not " + origin);
    }
  }
}
