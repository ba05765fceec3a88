package dev.runner.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where {@code runner web} listens: {@code HOST:PORT}, {@code [IPv6]:PORT} or a port alone (on
 * 127.0.0.1). Only a loopback address is taken until the console has logins and API tokens: on any
 * other address every person on the network could run tasks.
 */
public record Listen(InetSocketAddress address) {

  public static final String DEFAULT = "127.0.0.1:8080";

  /**
   * @throws IllegalArgumentException when the text is no address, or not a loopback one; the
   *     message says what to do
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
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          host
              + " is not a loopback address, and the console has no login yet: anyone who can"
              + " reach it could run your tasks. Listen on 127.0.0.1 (the default) or ::1;"
              + " to reach it from elsewhere, put a reverse proxy with authentication in front"
              + " (login and API tokens come with a later version)");
    }
    return new Listen(new InetSocketAddress(address, number));
  }
}
