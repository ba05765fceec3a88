package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
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

  /** The one unit of {@code suffix} in {@code folder}. */
  private static String unit(Path folder, String suffix) throws Exception {
    try (Stream<Path> list = Files.list(folder)) {
      List<String> names =
          list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).toList();
      assertThat(names).hasSize(1);
      return names.get(0);
    }
  }

  @Test
  void install_systemd_writes_a_service_and_a_persistent_timer_named_after_the_home()
      throws Exception {
    Path home = dir.resolve("runner-home");
    Cli cli = cli(home);
    cli.config("{}");
    Cli.Result write = cli.run("install", "systemd", "--user", "--write");
    assertThat(write.code()).as(write.toString()).isZero();
    Path units = dir.resolve("config/systemd/user");
    String service = unit(units, ".service");
    assertThat(service).matches("runner-home-[0-9a-f]{8}\\.service");
    String name = service.substring(0, service.length() - ".service".length());
    assertThat(unit(units, ".timer")).isEqualTo(name + ".timer");
    assertThat(Files.readString(units.resolve(name + ".service")))
        .contains("Type=oneshot")
        .contains("ExecStart=/opt/runner/bin/runner --home " + home + " tick");
    assertThat(Files.readString(units.resolve(name + ".timer")))
        .contains("OnCalendar=*-*-* *:*:00")
        .contains("Persistent=true")
        .contains("Unit=" + name + ".service")
        .contains("WantedBy=timers.target");
    assertThat(write.out())
        .contains(
            "systemctl --user daemon-reload && systemctl --user enable --now " + name + ".timer");
    Cli.Result uninstall = cli.run("uninstall", "--user", "--no-cron");
    assertThat(uninstall.code()).as(uninstall.toString()).isZero();
    assertThat(uninstall.out())
        .contains("systemctl --user disable --now " + name + ".timer " + name + ".service");
    assertThat(units.resolve(name + ".timer")).doesNotExist();
    assertThat(units.resolve(name + ".service")).doesNotExist();
  }

  @Test
  void two_homes_of_one_folder_name_get_units_of_their_own_and_uninstall_removes_only_its_own()
      throws Exception {
    Cli first = cli(dir.resolve("a/home"));
    first.config("{}");
    Cli second = cli(dir.resolve("b/home"));
    second.config("{}");
    assertThat(first.run("install", "systemd", "--user", "--write").code()).isZero();
    assertThat(second.run("install", "systemd", "--user", "--write").code()).isZero();
    Path units = dir.resolve("config/systemd/user");
    try (Stream<Path> list = Files.list(units)) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .hasSize(4)
          .allSatisfy(n -> assertThat(n).matches("runner-home-[0-9a-f]{8}\\.(service|timer)"));
    }
    assertThat(first.run("uninstall", "--user", "--no-cron").code()).isZero();
    assertThat(Files.readString(units.resolve(unit(units, ".service"))))
        .contains("--home " + dir.resolve("b/home") + " tick");
  }

  @Test
  void uninstall_finds_the_runner_units_an_earlier_version_wrote_for_this_home_only()
      throws Exception {
    Path home = dir.resolve("home");
    Cli cli = cli(home);
    cli.config("{}");
    Cli other = cli(dir.resolve("other"));
    other.config("{}");
    // what runners before per-home names wrote: runner.service and runner.timer
    assertThat(cli.run("install", "systemd", "--user", "--write", "--name", "runner").code())
        .isZero();
    Path units = dir.resolve("config/systemd/user");
    Cli.Result again = cli.run("install", "systemd", "--user", "--write");
    assertThat(again.out())
        .contains("note: " + units.resolve("runner.service") + " from an earlier install");
    assertThat(other.run("uninstall", "--user", "--no-cron").code()).isZero();
    assertThat(units.resolve("runner.service")).exists(); // another home's
    Cli.Result uninstall = cli.run("uninstall", "--user", "--no-cron");
    assertThat(uninstall.out())
        .contains("removed " + units.resolve("runner.timer"))
        .contains("removed " + units.resolve("runner.service"));
    try (Stream<Path> list = Files.list(units)) {
      assertThat(list).isEmpty();
    }
  }

  @Test
  void install_systemd_daemon_writes_one_long_running_service_and_drops_the_timer()
      throws Exception {
    Path home = dir.resolve("home");
    Cli cli = cli(home);
    cli.config("{}");
    assertThat(cli.run("install", "systemd", "--user", "--write").code()).isZero();
    Path units = dir.resolve("config/systemd/user");
    String timer = unit(units, ".timer");
    String name = timer.substring(0, timer.length() - ".timer".length());
    Cli.Result write = cli.run("install", "systemd", "--user", "--write", "--daemon");
    assertThat(write.code()).as(write.toString()).isZero();
    assertThat(units.resolve(timer)).doesNotExist();
    assertThat(Files.readString(units.resolve(name + ".service")))
        .contains("Type=simple")
        .contains("ExecStart=/opt/runner/bin/runner --home " + home + " daemon")
        .contains("SuccessExitStatus=143")
        .contains("WantedBy=default.target");
    assertThat(write.out())
        .contains("removed " + units.resolve(timer))
        .contains("systemctl --user enable --now " + name + ".service");
  }

  /**
   * packaging/systemd and packaging/crontab are what {@code install} prints for the home
   * /srv/runner and the launcher /usr/local/bin/runner, with units named runner; regenerate them
   * with the commands in packaging/README.md when this fails.
   */
  @Test
  void the_static_examples_in_packaging_are_what_install_prints() throws Exception {
    Path home = dir.resolve("srv-runner");
    Cli cli = cli(home);
    cli.env.put("RUNNER_LAUNCHER", "/usr/local/bin/runner");
    cli.config("{}");
    Path packaging = Path.of("..", "packaging");
    String timerMode = cli.run("install", "systemd", "--user", "--name", "runner").out();
    assertThat(Files.readString(packaging.resolve("systemd/runner.service")))
        .isEqualTo(section(timerMode, "runner.service", home));
    assertThat(Files.readString(packaging.resolve("systemd/runner.timer")))
        .isEqualTo(section(timerMode, "runner.timer", home));
    assertThat(Files.readString(packaging.resolve("systemd/runner-daemon.service")))
        .isEqualTo(
            section(
                cli.run("install", "systemd", "--user", "--daemon", "--name", "runner").out(),
                "runner.service",
                home));
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
