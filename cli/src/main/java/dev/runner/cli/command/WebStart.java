package dev.runner.cli.command;

import dev.runner.cli.Invocation;
import dev.runner.cli.Session;
import dev.runner.cli.UsageException;
import dev.runner.config.InvalidConfigException;
import dev.runner.web.Listen;
import dev.runner.web.WebServer;
import java.io.IOException;

/**
 * Starts the console and API for {@code runner web} and {@code runner daemon --listen} alike, and
 * says where on the first line. A class of its own so that a command without a listener never loads
 * anything of {@code dev.runner.web}.
 */
final class WebStart {

  private WebStart() {}

  static WebServer start(Session session, Invocation inv, String listen)
      throws InvalidConfigException {
    Listen at;
    try {
      at = Listen.parse(listen);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--listen: " + e.getMessage());
    }
    WebServer server;
    try {
      server =
          WebServer.start(
              at, session::reloadConfig, session::settings, session.loader(), inv.clock());
    } catch (IOException e) {
      throw new UsageException("--listen: cannot listen on " + listen + ": " + e.getMessage());
    } catch (IllegalStateException e) {
      // no login is set up for an address that needs one: the message says how to make one
      throw new UsageException("--listen " + listen + ": " + e.getMessage());
    }
    inv.out().println("runner web: " + server.url());
    inv.out().flush();
    return server;
  }
}
