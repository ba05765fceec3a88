package dev.runner.cli.install;

import dev.runner.cli.Invocation;
import dev.runner.cli.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What {@code install} and {@code uninstall} write: a crontab line, or a systemd service and timer,
 * for one home and the launcher that runs it. The crontab is edited through {@code crontab} ({@code
 * $RUNNER_CRONTAB} names another program, for tests and unusual systems).
 */
final class Installation {

  private final Invocation inv;
  private final Path home;
  private final boolean system;

  /** {@code system}: units for the whole machine (root's default) rather than for the user. */
  Installation(Invocation inv, Path home, boolean system) {
    this.inv = inv;
    this.home = home;
    this.system = system;
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The launcher's absolute path, as the launcher reported it; else "runner" from PATH. */
  String launcher() {
    String launcher = inv.environment().get("RUNNER_LAUNCHER");
    return launcher == null ? "runner" : inv.workingDir().resolve(launcher).normalize().toString();
  }

  /**
   * The systemd unit name this home gets: {@code runner-DIR-HASH} ({@code runner-home-3f2a9c1b} for
   * {@code ~/runner-home}), the folder's name for a person and a hash of its whole path so that two
   * homes, even two folders of one name, never share (and overwrite) a unit.
   */
  String unitName() {
    Path name = home.getFileName();
    String slug =
        (name == null ? "" : name.toString())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_.]+", "-")
            .replaceAll("^-+|-+$", "")
            .replaceFirst("^runner(-|$)", ""); // runner-runner-home says runner twice
    slug = slug.substring(0, Math.min(32, slug.length())).replaceAll("-+$", "");
    return "runner-" + (slug.isEmpty() ? "" : slug + "-") + shortHash(home.toString());
  }

  private static String shortHash(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Whether {@code unit} (a file in the unit folder) runs this home: earlier runners named every
   * home's units {@code runner}, and uninstall must find those too, but only this home's.
   */
  boolean serves(Path unit) {
    try {
      return Files.readString(unit, StandardCharsets.UTF_8)
          .contains(" --home " + quote(home.toString()) + " ");
    } catch (IOException e) {
      return false;
    }
  }

  String marker() {
    return "# runner: " + home;
  }

  String cronLine() {
    return "* * * * * "
        + quote(launcher())
        + " --home "
        + quote(home.toString())
        + " tick "
        + marker();
  }

  String service(String name) {
    return """
        [Unit]
        Description=runner: one scheduling pass for %s

        [Service]
        Type=oneshot
        WorkingDirectory=%s
        ExecStart=%s --home %s tick
        """
        .formatted(home, quote(home.toString()), quote(launcher()), quote(home.toString()));
  }

  /** {@code runner daemon} as a long-running service: no timer needed. */
  String daemonService() {
    return """
        [Unit]
        Description=runner daemon for %s
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=simple
        WorkingDirectory=%s
        ExecStart=%s --home %s daemon
        TimeoutStopSec=60
        SuccessExitStatus=143
        Restart=on-failure
        RestartSec=5

        [Install]
        WantedBy=%s
        """
        .formatted(
            home,
            quote(home.toString()),
            quote(launcher()),
            quote(home.toString()),
            system ? "multi-user.target" : "default.target");
  }

  String timer(String name) {
    return """
        [Unit]
        Description=runner: a tick every minute for %s

        [Timer]
        OnCalendar=*-*-* *:*:00
        AccuracySec=1s
        Persistent=true
        Unit=%s.service

        [Install]
        WantedBy=timers.target
        """
        .formatted(home, name);
  }

  boolean system() {
    return system;
  }

  /** Where units go: the system's folder, or the user's. */
  Path unitFolder() {
    if (system) {
      return Path.of("/etc/systemd/system");
    }
    String config = inv.environment().get("XDG_CONFIG_HOME");
    Path base =
        config != null && !config.isBlank()
            ? Path.of(config)
            : Path.of(inv.environment().getOrDefault("HOME", System.getProperty("user.home")))
                .resolve(".config");
    return base.resolve("systemd").resolve("user");
  }

  String systemctl() {
    return system ? "systemctl" : "systemctl --user";
  }

  /** The crontab without this home's line, then with {@code line} if given; returns the text. */
  String rewriteCrontab(String line) throws IOException, InterruptedException {
    List<String> kept = new ArrayList<>();
    for (String existing : crontab("-l", null).lines().toList()) {
      if (!existing.endsWith(marker())) {
        kept.add(existing);
      }
    }
    if (line != null) {
      kept.add(line);
    }
    String text = kept.isEmpty() ? "" : String.join("\n", kept) + "\n";
    crontab("-", text);
    return text;
  }

  private String crontab(String argument, String input) throws IOException, InterruptedException {
    String program = inv.environment().getOrDefault("RUNNER_CRONTAB", "crontab");
    ProcessBuilder builder = new ProcessBuilder(program, argument).redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UsageException(
          "cannot run "
              + program
              + " ("
              + e.getMessage()
              + "); install cron"
              + " (Debian: apt-get install cron), or add the line above with crontab -e");
    }
    if (input != null) {
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new UsageException(program + " " + argument + " did not finish");
    }
    if (process.exitValue() != 0) {
      if (argument.equals("-l")) {
        return ""; // no crontab yet
      }
      throw new UsageException(program + " " + argument + " failed: " + output.strip());
    }
    return output;
  }

  static String quote(String text) {
    return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }

  static void writeFile(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
