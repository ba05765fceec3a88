package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shell task runs with {@code TZ} set to its own zone, so {@code date} inside it agrees with the
 * schedule. The run's scheduled instant stands for the clock (the test's clock is fixed, the
 * child's is not): {@code date -d "$RUNNER_SCHEDULED_TIME" +%F} is the {@code date +%F} of the
 * moment the fire is for.
 */
class TaskZoneTest {

  @TempDir Path home;

  static final String TODAY = "date -d \\\"$RUNNER_SCHEDULED_TIME\\\" +%F";

  /** What {@code runner run TASK} prints of the task {@code fields}, at 2026-11-23 20:00 UTC. */
  Cli.Result runAt(Cli cli, String fields) throws Exception {
    Cli.Result result =
        cli.config(
                "{\"today\": {\"type\": \"shell\", \"command\": \"echo today=$("
                    + TODAY
                    + ")\""
                    + fields
                    + "}}")
            .at("2026-11-23T20:00:00Z")
            .run("run", "today");
    assertThat(result.code()).as(result.toString()).isZero();
    return result;
  }

  @Test
  void a_task_in_shanghai_is_already_in_tomorrow_while_a_utc_task_is_in_today() throws Exception {
    assertThat(runAt(new Cli(home), ", \"timezone\": \"Asia/Shanghai\"").out())
        .contains("today=2026-11-24");
    assertThat(runAt(new Cli(home), "").out()).contains("today=2026-11-23");
  }

  @Test
  void a_task_without_a_zone_runs_in_the_homes_zone() throws Exception {
    Cli cli = new Cli(home);
    cli.dotenv("RUNNER_TIMEZONE=Asia/Shanghai\n");
    cli.env.remove("RUNNER_TIMEZONE");
    assertThat(runAt(cli, "").out()).contains("today=2026-11-24");
  }

  @Test
  void a_tz_of_the_process_or_dotenv_gives_way_to_the_tasks_zone() throws Exception {
    Cli cli = new Cli(home);
    cli.env.put("TZ", "America/New_York");
    assertThat(runAt(cli, ", \"timezone\": \"Asia/Shanghai\"").out()).contains("today=2026-11-24");
    cli.env.remove("TZ");
    cli.dotenv("TZ=America/New_York\n");
    assertThat(runAt(cli, ", \"timezone\": \"Asia/Shanghai\"").out()).contains("today=2026-11-24");
  }

  @Test
  void a_tz_in_the_tasks_own_env_wins() throws Exception {
    assertThat(
            runAt(
                    new Cli(home),
                    ", \"timezone\": \"Asia/Shanghai\", \"env\": {\"TZ\": \"America/New_York\"}")
                .out())
        .contains("today=2026-11-23");
  }

  @Test
  void a_fixed_offset_keeps_its_direction() throws Exception {
    // 20:00 UTC is 10:00 the same day at -10:00; the C library would read a bare "UTC-10:00" as
    // ten hours east, the next day. At +05:30 it is 01:30 the next day.
    assertThat(runAt(new Cli(home), ", \"timezone\": \"UTC-10\"").out())
        .contains("today=2026-11-23");
    assertThat(runAt(new Cli(home), ", \"timezone\": \"+05:30\"").out())
        .contains("today=2026-11-24");
  }
}
