package dev.runner.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process as recorded on the rows it owns. */
public record Identity(String host, long pid) {

  public static Identity current() {
    return new Identity(hostName(), ProcessHandle.current().pid());
  }

  private static String hostName() {
    // The kernel's name is instant; InetAddress may wait on DNS.
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
