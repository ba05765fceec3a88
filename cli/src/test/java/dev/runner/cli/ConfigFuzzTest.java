package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of malformed {@code tasks_config.json} and {@code .env} files, made from valid ones
 * (byte flips, cuts, deep nesting, a huge file, NULs, wrong types, absurd numbers, long names,
 * broken UTF-8), fed to {@code validate} and {@code tick}: never a stack trace; a refused file
 * exits 2 with a message that says where; and nothing in the home changes.
 */
class ConfigFuzzTest {

  static final long SEED = 20261202L;

  static final List<String> BASES =
      List.of(
          """
          {"hello": {"type": "shell", "every": "1m", "command": "echo hi", "timeout": "30s"},
           "daily": {"type": "shell", "cron": "0 8 * * 1-5", "timezone": "Asia/Shanghai",
                     "retries": {"max": 2, "backoff": "10s"}, "argv": ["echo", "备份完成"]}}
          """,
          """
          {"fetch": {"type": "http", "cron": "*/5 * * * *", "url": "http://127.0.0.1:9/x",
                     "method": "POST", "body": {"a": 1}, "catchup": "none"},
           "after": {"type": "shell", "depends_on": ["fetch"], "command": "true"}}
          """,
          """
          {"once": {"type": "shell", "at": "2027-01-01T08:00:00", "command": "true",
                    "notify": [{"on": "failure", "channels": [{"type": "webhook",
                                "url": "http://127.0.0.1:9/hook"}]}]},
           "limited": {"type": "shell", "every": "2h", "max_executions": 3,
                       "start_time": "2026-01-01T00:00:00", "command": "true"}}
          """);

  static final List<String> WRONG_VALUES =
      List.of(
          "1",
          "-1",
          "0",
          "1e400",
          "-0",
          "1180591620717411303424",
          "99999999999999999999999999",
          "true",
          "null",
          "[]",
          "{}",
          "\"\"",
          "\"99999999999d\"",
          "\"1e9y\"",
          "\"\\u0000\"",
          "\"" + "長".repeat(300) + "\"",
          "[[[[[[[[[[1]]]]]]]]]]",
          "\"-5m\"");

  static final List<String> FIELDS =
      List.of(
          "type",
          "every",
          "cron",
          "at",
          "command",
          "argv",
          "timeout",
          "retries",
          "timezone",
          "depends_on",
          "catchup",
          "overlap",
          "max_executions",
          "start_time",
          "enabled",
          "notify",
          "window",
          "url",
          "method");

  static final Pattern POSITION = Pattern.compile("(tasks_config\\.json|\\.env):\\d+");

  static final List<String> TRACES =
      List.of(
          "\tat ",
          "Exception",
          "at dev.runner",
          "Caused by",
          "StreamReadConstraints",
          "JsonReadFeature",
          "For input string",
          "com.fasterxml");

  @TempDir Path home;

  @Test
  void malformed_configs_and_env_files_are_refused_with_a_position_and_run_nothing_invalid()
      throws Exception {
    Random random = new Random(SEED);
    List<byte[]> configs = new ArrayList<>();
    for (String base : BASES) {
      byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 30; i++) {
        byte[] flipped = bytes.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        configs.add(flipped);
      }
      for (int i = 0; i < 15; i++) {
        configs.add(java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
      }
      for (String field : FIELDS) {
        String value = WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()));
        String task = "{\"t\": {\"type\": \"shell\", \"command\": \"true\", \"" + field + "\": ";
        configs.add((task + value + "}}").getBytes(StandardCharsets.UTF_8));
      }
    }
    configs.add(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    configs.add(
        ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
    configs.add(
        ("{\"t\": {\"type\": \"shell\", \"command\": \"" + "x".repeat(30_000_000) + "\"}}")
            .getBytes(StandardCharsets.UTF_8));
    configs.add(
        ("{\"" + "n".repeat(300) + "\": {\"type\": \"shell\", \"command\": \"true\"}}")
            .getBytes(StandardCharsets.UTF_8));
    configs.add(
        "{\"t\": {\"type\": \"shell\", \"command\": \"echo a\u0000b\"}}"
            .getBytes(StandardCharsets.UTF_8));
    configs.add(
        "{\"t\u0000\": {\"type\": \"shell\", \"command\": \"true\"}}"
            .getBytes(StandardCharsets.UTF_8));
    configs.add(new byte[] {'{', '"', 't', '"', ':', (byte) 0xC3, (byte) 0x28, '}'});
    configs.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'});
    configs.add(
        "{\"t\": {\"type\": \"shell\", \"command\": \"true\"}, \"t\": {\"type\": \"shell\"}}"
            .getBytes(StandardCharsets.UTF_8));
    configs.add(
        "{\"t\": {\"type\": \"shell\", \"cron\": \"0 0 30 2 *\", \"command\": \"true\"}}"
            .getBytes(StandardCharsets.UTF_8));
    configs.add(new byte[0]);
    configs.add("NaN".getBytes(StandardCharsets.UTF_8));

    List<String> envs =
        List.of(
            "A=1\u0000B=2\n",
            "NO_EQUALS_SIGN\n",
            "QUOTED=\"never closed\n",
            "export\n",
            "=value\n",
            "KEY=" + "v".repeat(2_000_000) + "\n",
            "KEY='single\n",
            "RUNNER_MAX_WORKERS=many\n",
            "RUNNER_MAX_WORKERS=99999999999999999999\n",
            "RUNNER_HISTORY_DAYS=-3\n",
            "RUNNER_TIMEZONE=Mars/Olympus\n",
            "1KEY=x\n",
            "KEY=a\r\nOTHER=\"b\r\n");

    Cli cli = new Cli(home).config(BASES.get(0));
    assertThat(cli.run("tick").code()).isZero();
    String before = database();

    int refused = 0;
    for (int i = 0; i < configs.size(); i++) {
      Files.write(home.resolve("tasks_config.json"), configs.get(i));
      refused += check(cli, "config variant " + i, before);
      before = database(); // a variant still valid may have run
    }
    Files.writeString(home.resolve("tasks_config.json"), BASES.get(0));
    for (int i = 0; i < envs.size(); i++) {
      Files.writeString(home.resolve(".env"), envs.get(i));
      refused += check(cli, "env variant " + i, before);
      before = database();
    }
    Files.write(home.resolve(".env"), new byte[] {'K', '=', (byte) 0xC3, (byte) 0x28, '\n'});
    refused += check(cli, "env with broken UTF-8", before);

    assertThat(configs.size() + envs.size()).isGreaterThanOrEqualTo(200);
    assertThat(refused).as("most variants are refused").isGreaterThan(150);
  }

  /** The database as its bytes say, and whether a write-ahead log is left beside it. */
  private String database() throws Exception {
    byte[] bytes = Files.readAllBytes(home.resolve("task_log.db"));
    return java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes))
        + Files.exists(home.resolve("task_log.db-wal"));
  }

  /**
   * One variant: 1 when refused, 0 when it still happens to be valid. A file that is not readable
   * JSON is refused as a whole and nothing changes; a problem confined to tasks leaves those tasks
   * without a run, and the tick says why.
   */
  private int check(Cli cli, String what, String before) throws Exception {
    Cli.Result validate = cli.run("validate");
    Map<String, Long> runsBefore = runsByTask(cli);
    Files.deleteIfExists(home.resolve("locks").resolve("invalid")); // say it for every variant
    Cli.Result tick = cli.run("tick");
    String said = "seed " + SEED + ", " + what + ":\n" + validate + "\n" + tick;
    for (String trace : TRACES) {
      assertThat(validate.out() + validate.err() + tick.out() + tick.err())
          .as(said)
          .doesNotContain(trace);
    }
    if (validate.code() == 0) {
      assertThat(tick.code()).as(said).isIn(0, 1);
      return 0;
    }
    assertThat(validate.code()).as(said).isEqualTo(ExitCode.USAGE);
    assertThat(validate.err()).as(said).containsPattern(POSITION);
    if (tick.code() == ExitCode.USAGE) {
      assertThat(tick.err()).as(said).containsPattern(POSITION);
      assertThat(database()).as(said + "\nnothing changed").isEqualTo(before);
      return 1;
    }
    assertThat(tick.code()).as(said).isIn(0, 1);
    assertThat(tick.err())
        .as(said)
        .contains("is invalid and does not run")
        .containsPattern(POSITION);
    Map<String, Long> runsAfter = runsByTask(cli);
    List<String> invalid = invalidTasks(cli);
    assertThat(invalid).as(said).isNotEmpty();
    for (String task : invalid) {
      assertThat(runsAfter.get(task))
          .as(said + "\n" + task + " ran")
          .isEqualTo(runsBefore.get(task));
    }
    return 1;
  }

  /** Empty when the history cannot be read: a bad .env refuses every command, the tick too. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> runsByTask(Cli cli) throws Exception {
    Cli.Result history = cli.run("history", "--json", "--limit", "100000");
    if (history.code() != 0) {
      return Map.of();
    }
    List<Map<String, Object>> rows = new ObjectMapper().readValue(history.out(), List.class);
    return rows.stream()
        .collect(Collectors.groupingBy(r -> (String) r.get("task_name"), Collectors.counting()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> invalidTasks(Cli cli) throws Exception {
    Cli.Result list = cli.run("list", "--json");
    List<Map<String, Object>> rows = new ObjectMapper().readValue(list.out(), List.class);
    return rows.stream()
        .filter(r -> !((List<?>) r.get("problems")).isEmpty())
        .map(r -> (String) r.get("name"))
        .toList();
  }
}
