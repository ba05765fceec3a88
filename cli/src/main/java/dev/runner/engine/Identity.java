package dev.runner.engine;

import dev.runner.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process as recorded on the rows it owns. */
public record Identity(String host, long pid) {

  /** This process on this machine, named by the kernel's host name. */
  public static Identity current() {
    return new Identity(hostName(), ProcessHandle.current().pid());
  }

  /**
   * This process as the home's rows name it: {@code RUNNER_HOST_ID} when set (two runners on one
   * machine sharing a database, a container whose host name changes), else the host name.
   */
  public static Identity current(Settings settings) {
    String id = settings.hostId();
    return new Identity(id != null ? id : hostName(), ProcessHandle.current().pid());
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
