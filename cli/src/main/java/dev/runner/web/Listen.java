package dev.runner.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where {@code runner web} listens: {@code HOST:PORT}, {@code [IPv6]:PORT} or a port alone (on
 * 127.0.0.1). On any address but a loopback one every request must log in ({@link Access}).
 */
public record Listen(InetSocketAddress address) {

  public static final String DEFAULT = "127.0.0.1:8080";

  /** Whether only this machine can connect: then no login is needed. */
  public boolean loopback() {
    return address.getAddress().isLoopbackAddress();
  }

  /**
   * @throws IllegalArgumentException when the text is no address; the message says what to do
   */
  public static Listen parse(String text) {
    String host;
    String port;
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      host = "127.0.0.1";
      port = text;
    } else {
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not HOST:PORT (e.g. 127.0.0.1:8080; port 0 takes any free port)");
    }
    if (number < 0 || number > 65535) {
      throw new IllegalArgumentException("port " + number + " is not between 0 and 65535");
    }
    if (host.isEmpty()) {
      host = "127.0.0.1";
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host \"" + host + "\"");
    }
    return new Listen(new InetSocketAddress(address, number));
  }
}
