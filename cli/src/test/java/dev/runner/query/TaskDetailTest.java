package dev.runner.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.config.ConfigLoader;
import dev.runner.config.Home;
import dev.runner.config.RunnerConfig;
import dev.runner.config.TaskTypes;
import dev.runner.engine.RunMessage;
import dev.runner.notify.Delivery;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.DaylightNote;
import dev.runner.store.NewRun;
import dev.runner.store.RunEnd;
import dev.runner.store.RunStatus;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
import dev.runner.store.Trigger;
import dev.runner.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TaskDetail} over a loaded config and a real SQLite store: a task's fields as written, the
 * tasks on either side of it, its rules and how far its windows are done, so no front end has to
 * work them out from the config's text or the schedule's words.
 */
class TaskDetailTest {

  @TempDir Path dir;

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static final String CONFIG =
      """
      {
        // a window task with a rule, two tasks after it, and one that does not read
        "fetch": {"type": "shell", "every": "15m", "command": "echo $RUNNER_WINDOW_START",
                  "window": {"size": "15m", "start": "2026-11-23T08:00:00Z"},
                  "notify": [{"name": "ops", "triggers": ["technical_failure", "timeout"],
                              "threshold": 2,
                              "channels": [{"type": "webhook", "preset": "slack",
                                            "url": "https://hooks.example.com/${HOOK}"}]}]},
        "convert": {"type": "shell", "depends_on": ["fetch"], "command": "true"},
        "report": {"type": "shell", "depends_on": ["fetch", "convert"], "command": "true",
                   "trigger_on": "completion"},
        "broken": {"type": "shell", "every": "1x", "command": "true"},
        "odd": "not an object"
      }
      """;

  RunnerConfig config;
  Store store;

  @BeforeEach
  void load() throws Exception {
    load(CONFIG);
  }

  void load(String text) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("tasks_config.json"), text);
    config =
        new ConfigLoader(
                TaskTypes.load(getClass().getClassLoader()),
                Map.of("PATH", System.getenv("PATH"), "HOOK", "s3cr3t-hook"),
                ZoneOffset.UTC)
            .load(Home.resolve(null, null, null, Map.of(), home));
    store = SqliteStore.connect(home.resolve("task_log.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  TaskDetail detail(String name) {
    return TaskDetail.read(config, store, name, NOW).orElseThrow();
  }

  @Test
  void a_task_has_its_fields_as_written_with_variables_unexpanded() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>) detail("fetch").fields().get("notify");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> channels = (List<Map<String, Object>>) rules.get(0).get("channels");
    assertThat(channels.get(0)).containsEntry("url", "https://hooks.example.com/${HOOK}");
    assertThat(detail("fetch").fields())
        .containsEntry("every", "15m")
        .containsEntry("window", Map.of("size", "15m", "start", "2026-11-23T08:00:00Z"));
    assertThat(detail("report").fields())
        .containsEntry("depends_on", List.of("fetch", "convert"))
        .containsEntry("trigger_on", "completion");
  }

  @Test
  void an_invalid_task_keeps_its_fields_and_one_that_is_no_object_has_none() {
    TaskDetail broken = detail("broken");
    assertThat(broken.row().valid()).isFalse();
    assertThat(broken.fields()).containsEntry("every", "1x");
    assertThat(broken.upstream()).isEmpty();
    assertThat(broken.notifyRules()).as("an invalid task's rules were not read").isNull();
    assertThat(broken.window()).isNull();
    assertThat(detail("odd").fields()).isNull();
  }

  @Test
  void upstream_is_what_depends_on_names_and_downstream_the_tasks_that_name_it() {
    assertThat(detail("fetch").upstream()).isEmpty();
    assertThat(detail("fetch").downstream()).containsExactly("convert", "report");
    assertThat(detail("convert").upstream()).containsExactly("fetch");
    assertThat(detail("convert").downstream()).containsExactly("report");
    assertThat(detail("report").upstream()).containsExactly("fetch", "convert");
    assertThat(detail("report").downstream()).isEmpty();
  }

  @Test
  void notify_has_each_rule_with_its_channels_as_history_names_them() {
    Map<String, Object> json = TaskJson.detail(detail("fetch"), ZoneOffset.UTC);
    assertThat(json.get("notify"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name",
                    "ops",
                    "enabled",
                    true,
                    "triggers",
                    List.of("technical_failure", "timeout"),
                    "threshold",
                    2,
                    "channels",
                    List.of("webhook (slack)"),
                    "last_deliveries",
                    List.of())));
    assertThat(TaskJson.detail(detail("convert"), ZoneOffset.UTC).get("notify"))
        .isEqualTo(List.of());
  }

  @Test
  void a_window_is_done_up_to_nothing_until_one_succeeds_and_resumes_from_its_start() {
    TaskDetail.WindowProgress window = detail("fetch").window();
    assertThat(window.size()).isEqualTo(Duration.ofMinutes(15));
    assertThat(window.start()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    assertThat(window.doneUntil()).as("no window has run").isNull();
    assertThat(window.resumeFrom()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));

    Instant next = Instant.parse("2026-11-23T09:45:00Z");
    store.inTransaction(
        tx -> {
          tx.putState(TaskState.firstSight("fetch", NOW, NOW).withWindowNext(next));
          return null;
        });
    assertThat(detail("fetch").window().doneUntil()).as("planned, not yet done").isNull();
    assertThat(detail("fetch").window().resumeFrom()).isEqualTo(next);
    ended("fetch", RunStatus.SUCCESS, List.of());
    assertThat(detail("fetch").window().doneUntil()).isEqualTo(next);
    assertThat(TaskJson.detail(detail("fetch"), ZoneOffset.UTC).get("window"))
        .isEqualTo(
            Map.of(
                "size", "15m",
                "start", "2026-11-23T08:00:00Z",
                "done_until", "2026-11-23T09:45:00Z",
                "resume_from", "2026-11-23T09:45:00Z"));
    assertThat(detail("convert").window()).as("not a window task").isNull();
  }

  int runs;

  /** A run of {@code task} that ended with {@code status} and sent {@code deliveries}. */
  long ended(String task, RunStatus status, List<Delivery> deliveries) {
    long id =
        store.inTransaction(
            tx ->
                tx.insert(
                        new NewRun(
                            task,
                            RunStatus.RUNNING,
                            NOW,
                            NOW.plusSeconds(runs++),
                            Trigger.MANUAL,
                            1,
                            "{}"),
                        "host",
                        1)
                    .orElseThrow());
    String message = RunMessage.empty().withNotifications(deliveries).json();
    store.finish(id, new RunEnd(status, NOW, NOW.plusSeconds(id), 1, message, true));
    return id;
  }

  @Test
  void each_rule_has_what_it_last_sent_on_each_channel_though_later_runs_sent_nothing() {
    Delivery failed = new Delivery("ops", "technical_failure", "webhook (slack)", false, "502");
    long first = ended("fetch", RunStatus.TECHNICAL_FAILURE, List.of(failed));
    ended("fetch", RunStatus.SUCCESS, List.of());
    ended("convert", RunStatus.SUCCESS, List.of(failed));
    assertThat(detail("fetch").lastDeliveries())
        .containsExactly(
            new LastDeliveries.Sent(
                "ops",
                "webhook (slack)",
                "technical_failure",
                false,
                first,
                NOW.plusSeconds(first)));

    Delivery ok = new Delivery("ops", "recovery", "webhook (slack)", true, "200");
    long latest = ended("fetch", RunStatus.SUCCESS, List.of(ok));
    ended("fetch", RunStatus.SUCCESS, List.of());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>) TaskJson.detail(detail("fetch"), ZoneOffset.UTC).get("notify");
    assertThat(rules.get(0).get("last_deliveries"))
        .isEqualTo(
            List.of(
                Map.of(
                    "channel",
                    "webhook (slack)",
                    "event",
                    "recovery",
                    "ok",
                    true,
                    "run_id",
                    latest,
                    "at",
                    DateTimeText.iso(NOW.plusSeconds(latest), ZoneOffset.UTC))));
  }

  @Test
  void the_next_fires_have_a_note_where_the_clocks_change() throws Exception {
    store.close();
    load(
        """
        {"early": {"type": "shell", "cron": "30 2 * * *", "timezone": "America/New_York",
                   "command": "true"},
         "noon": {"type": "shell", "every": "1d", "start_time": "2026-03-01T12:00:00-05:00",
                  "timezone": "America/New_York", "command": "true"}}
        """);
    Instant march = Instant.parse("2026-03-05T12:00:00Z");
    TaskDetail early = TaskDetail.read(config, store, "early", march).orElseThrow();
    assertThat(early.nextFires().get(2).at()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    assertThat(early.nextFires().get(2).note().kind()).isEqualTo(DaylightNote.Kind.SKIPPED);
    assertThat(early.nextFires().stream().filter(f -> f.note() != null)).hasSize(1);
    @SuppressWarnings("unchecked")
    List<Object> notes = (List<Object>) TaskJson.detail(early, ZoneOffset.UTC).get("fire_notes");
    assertThat(notes).hasSize(TaskDetail.NEXT);
    assertThat(notes.get(0)).isNull();
    assertThat(notes.get(2)).isEqualTo(early.nextFires().get(2).note().json());

    TaskDetail noon = TaskDetail.read(config, store, "noon", march).orElseThrow();
    assertThat(noon.nextFires().stream().filter(f -> f.note() != null).map(f -> f.note()))
        .containsExactly(DaylightNote.offsetChange(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-4)));
  }
}
