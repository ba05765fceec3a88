package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config files as people write them: Notepad's byte order mark, comments, trailing commas. */
class HandWrittenConfigTest {

  @TempDir Path home;

  static final String BOM = "\uFEFF";

  static final String COMMENTED =
      BOM
          + """
          // 每天的任务
          {
            /* the backup of the NAS */
            "backup": {"type": "shell", "every": "1h", "command": "echo $GREETING",},
            "report": {"type": "shell", "command": "true",
                       "depends_on": ["backup",],},  // after the backup
          }
          """;

  @Test
  void a_bom_comments_and_trailing_commas_load_and_survive_enable_and_disable() throws Exception {
    Cli cli = new Cli(home).config(COMMENTED).dotenv(BOM + "GREETING=你好\n");
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("ok, 2 tasks");

    assertThat(cli.run("tick").code()).isZero();
    String id = cli.history("--task", "backup").get(0).get("id").toString();
    assertThat(cli.run("logs", id).out()).isEqualTo("你好\n");

    assertThat(cli.run("disable", "report").code()).isZero();
    String disabled = Files.readString(home.resolve("tasks_config.json"), StandardCharsets.UTF_8);
    assertThat(disabled)
        .startsWith(BOM + "// 每天的任务")
        .contains("/* the backup of the NAS */")
        .contains("\"report\": {\"enabled\": false, \"type\": \"shell\"")
        .contains("[\"backup\",],},  // after the backup");
    assertThat(cli.run("enable", "report").code()).isZero();
    assertThat(Files.readString(home.resolve("tasks_config.json"), StandardCharsets.UTF_8))
        .isEqualTo(disabled.replace("\"enabled\": false", "\"enabled\": true"));
    assertThat(cli.run("validate").code()).isZero();
  }

  @Test
  void syntax_errors_are_told_in_a_person_s_words_with_their_position() throws Exception {
    Cli cli = new Cli(home);
    assertThat(said(cli, "{\n  \"a\": {\"command\": \"true\"}\n  \"b\": {}\n}"))
        .isEqualTo("tasks_config.json:3:3: a comma is missing after line 2");
    assertThat(said(cli, "{'a': {}}"))
        .startsWith("tasks_config.json:1:2: names and strings take double quotes");
    assertThat(said(cli, "{\"a\": {\"enabled\": True}}"))
        .startsWith("tasks_config.json:1:")
        .contains("'True' is not a JSON value");
    assertThat(said(cli, "{\"a\" {}}"))
        .startsWith("tasks_config.json:1:")
        .contains("a colon is missing between a name and its value");
    assertThat(said(cli, "{\n  \"a\": {\"command\": \"true\"}\n"))
        .contains("the file ends before the } that closes what opens at line 1, column 1");
  }

  /** The first line validate prints, the hint cut off. */
  private String said(Cli cli, String config) throws Exception {
    cli.config(config);
    Cli.Result validate = cli.run("validate");
    assertThat(validate.code()).as(validate.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(validate.err()).doesNotContain("code ").doesNotContain("was expecting");
    String first = validate.err().lines().findFirst().orElseThrow();
    return first.contains("; ") ? first.substring(0, first.indexOf("; ")) : first;
  }
}
