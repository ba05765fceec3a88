package dev.runner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A peer on loopback that accepts connections, writes {@code opening} (nothing, or a status line
 * and headers and the start of a body) and then never writes again nor closes: what a hung server
 * looks like to a client.
 */
public final class StalledPeer implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final String opening;
  private final boolean readsRequestFirst;

  private StalledPeer(String opening, boolean readsRequestFirst) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.opening = opening;
    this.readsRequestFirst = readsRequestFirst;
    Thread acceptor = new Thread(this::accept, "stalled-peer");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Accepts and says nothing at all (no SMTP greeting, no HTTP status line). */
  public static StalledPeer silent() throws IOException {
    return new StalledPeer("", false);
  }

  /** Reads the start of an HTTP request, answers with {@code opening}, then stalls. */
  public static StalledPeer answering(String opening) throws IOException {
    return new StalledPeer(opening, true);
  }

  /** An event stream that sends its headers and {@code events}, then stalls. */
  public static StalledPeer eventStream(String events) throws IOException {
    return answering(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
            + events);
  }

  public int port() {
    return server.getLocalPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** How many connections the peer has accepted. */
  public int connections() {
    return accepted.size();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.add(socket);
        if (readsRequestFirst) {
          InputStream in = socket.getInputStream();
          // Enough of the request to know the client has sent it; the rest is never read.
          in.read(new byte[8192]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(opening.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        // closed, or the client went away: either way nothing more to say
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
