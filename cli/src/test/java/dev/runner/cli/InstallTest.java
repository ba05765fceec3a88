package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, install and uninstall, with a crontab stand-in and a private systemd folder. */
class InstallTest {

  @TempDir Path dir;

  Cli cli(Path home) throws Exception {
    Files.createDirectories(home);
    Cli cli = new Cli(home);
    cli.env.put("RUNNER_LAUNCHER", "/opt/runner/bin/runner");
    cli.env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    // a crontab that keeps its table in a file: `crontab -l` prints it, `crontab -` replaces it
    Path table = dir.resolve("crontab.txt");
    Path fake = dir.resolve("fake-crontab");
    Files.writeString(
        fake,
        "#!/bin/sh\nif [ \"$1\" = -l ]; then [ -f '"
            + table
            + "' ] && cat '"
            + table
            + "' || exit 1; else cat > '"
            + table
            + "'; fi\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    cli.env.put("RUNNER_CRONTAB", fake.toString());
    return cli;
  }

  @Test
  void init_writes_a_working_starter_and_never_overwrites_without_force() throws Exception {
    Path home = dir.resolve("home");
    Cli cli = cli(dir);
    Cli.Result init = cli.run("init", home.toString());
    assertThat(init.code()).as(init.toString()).isZero();
    assertThat(init.out())
        .contains("wrote " + home.resolve("tasks_config.json"))
        .contains("next steps:");
    assertThat(Files.readString(home.resolve(".env.example")))
        .contains("NOTION_TOKEN")
        .contains("SMTP_HOST")
        .contains("RUNNER_MAX_WORKERS");
    assertThat(cli.run("--home", home.toString(), "validate").out()).contains("ok, 3 tasks");
    assertThat(cli.run("--home", home.toString(), "run", "hello").code()).isZero();

    Files.writeString(home.resolve("tasks_config.json"), "{}");
    Cli.Result again = cli.run("init", home.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists; kept it (use --force to overwrite)");
    assertThat(home.resolve("tasks_config.json")).hasContent("{}");
    assertThat(cli.run("init", home.toString(), "--force").code()).isZero();
    assertThat(Files.readString(home.resolve("tasks_config.json"))).contains("daily_journal");
  }

  @Test
  void install_cron_prints_or_writes_one_line_per_home_and_uninstall_removes_it() throws Exception {
    Path home = dir.resolve("my home");
    Cli cli = cli(home);
    cli.config("{}");
    Files.writeString(dir.resolve("crontab.txt"), "0 3 * * * /usr/local/bin/backup\n");
    Cli.Result print = cli.run("install", "cron");
    assertThat(print.out())
        .isEqualTo(
            "* * * * * /opt/runner/bin/runner --home '" + home + "' tick # runner: " + home + "\n");
    assertThat(cli.run("install", "cron", "--write").code()).isZero();
    assertThat(cli.run("install", "cron", "--write").code()).isZero(); // replaces, no duplicate
    assertThat(Files.readAllLines(dir.resolve("crontab.txt")))
        .containsExactly("0 3 * * * /usr/local/bin/backup", print.out().strip());
    assertThat(cli.run("uninstall", "--user").code()).isZero();
    assertThat(Files.readAllLines(dir.resolve("crontab.txt")))
        .containsExactly("0 3 * * * /usr/local/bin/backup");
  }

  @Test
  void install_systemd_writes_a_service_and_a_persistent_timer() throws Exception {
    Path home = dir.resolve("home");
    Cli cli = cli(home);
    cli.config("{}");
    Cli.Result write = cli.run("install", "systemd", "--user", "--write");
    assertThat(write.code()).as(write.toString()).isZero();
    Path units = dir.resolve("config/systemd/user");
    assertThat(Files.readString(units.resolve("runner.service")))
        .contains("Type=oneshot")
        .contains("ExecStart=/opt/runner/bin/runner --home " + home + " tick");
    assertThat(Files.readString(units.resolve("runner.timer")))
        .contains("OnCalendar=*-*-* *:*:00")
        .contains("Persistent=true")
        .contains("WantedBy=timers.target");
    assertThat(write.out())
        .contains(
            "systemctl --user daemon-reload && systemctl --user enable" + " --now runner.timer");
    assertThat(cli.run("uninstall", "--user", "--no-cron").code()).isZero();
    assertThat(units.resolve("runner.timer")).doesNotExist();
    assertThat(units.resolve("runner.service")).doesNotExist();
  }

  @Test
  void install_systemd_daemon_writes_one_long_running_service_and_drops_the_timer()
      throws Exception {
    Path home = dir.resolve("home");
    Cli cli = cli(home);
    cli.config("{}");
    assertThat(cli.run("install", "systemd", "--user", "--write").code()).isZero();
    Cli.Result write = cli.run("install", "systemd", "--user", "--write", "--daemon");
    assertThat(write.code()).as(write.toString()).isZero();
    Path units = dir.resolve("config/systemd/user");
    assertThat(units.resolve("runner.timer")).doesNotExist();
    assertThat(Files.readString(units.resolve("runner.service")))
        .contains("Type=simple")
        .contains("ExecStart=/opt/runner/bin/runner --home " + home + " daemon")
        .contains("SuccessExitStatus=143")
        .contains("WantedBy=default.target");
    assertThat(write.out())
        .contains("removed " + units.resolve("runner.timer"))
        .contains("systemctl --user enable --now runner.service");
  }

  /**
   * packaging/systemd and packaging/crontab are what {@code install} prints for the home
   * /srv/runner and the launcher /usr/local/bin/runner; regenerate them with the commands in
   * packaging/README.md when this fails.
   */
  @Test
  void the_static_examples_in_packaging_are_what_install_prints() throws Exception {
    Path home = dir.resolve("srv-runner");
    Cli cli = cli(home);
    cli.env.put("RUNNER_LAUNCHER", "/usr/local/bin/runner");
    cli.config("{}");
    Path packaging = Path.of("..", "packaging");
    String timerMode = cli.run("install", "systemd", "--user").out();
    assertThat(Files.readString(packaging.resolve("systemd/runner.service")))
        .isEqualTo(section(timerMode, "runner.service", home));
    assertThat(Files.readString(packaging.resolve("systemd/runner.timer")))
        .isEqualTo(section(timerMode, "runner.timer", home));
    assertThat(Files.readString(packaging.resolve("systemd/runner-daemon.service")))
        .isEqualTo(
            section(
                cli.run("install", "systemd", "--user", "--daemon").out(), "runner.service", home));
    assertThat(Files.readString(packaging.resolve("crontab")))
        .endsWith(cli.run("install", "cron").out().replace(home.toString(), "/srv/runner"));
  }

  /** One unit of what `install systemd` printed, as it would read for /srv/runner. */
  private static String section(String printed, String unit, Path home) {
    String[] parts = printed.split("(?m)^# ");
    for (String part : parts) {
      if (part.startsWith(unit + "\n")) {
        String body = part.substring(unit.length() + 1).replace(home.toString(), "/srv/runner");
        return body.endsWith("\n\n") ? body.substring(0, body.length() - 1) : body;
      }
    }
    throw new AssertionError("no " + unit + " in:\n" + printed);
  }
}
