package dev.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEditorTest {

  @TempDir Path dir;

  ConfigEditor editor() {
    return new ConfigEditor(
        new ConfigLoader(TaskTypes.load(getClass().getClassLoader()), Map.of(), ZoneOffset.UTC));
  }

  Home home() {
    return Home.resolve(null, null, null, Map.of(), dir);
  }

  @Test
  void disable_and_enable_change_only_the_enabled_value_and_keep_the_formatting() throws Exception {
    String original =
        """
        {
            "日记": 1,
            "journal": {
                "type": "shell",
                "enabled": true,
                "command": "echo 你好",
                "cron": "0 0 * * *"
            },
            "other": { "type": "shell", "command": "true" }
        }
        """
            .replace("\"日记\": 1,\n", "");
    Path file = dir.resolve("tasks_config.json");
    Files.writeString(file, original);

    editor().setEnabled(home(), List.of("journal", "other"), false);
    assertThat(Files.readString(file))
        .isEqualTo(
            original
                .replace("\"enabled\": true", "\"enabled\": false")
                .replace(
                    "{ \"type\": \"shell\", \"command\": \"true\" }",
                    "{ \"enabled\": false, \"type\": \"shell\", \"command\": \"true\" }"));

    editor().setEnabled(home(), List.of("journal", "other"), true);
    assertThat(Files.readString(file))
        .isEqualTo(
            original.replace(
                "{ \"type\": \"shell\", \"command\": \"true\" }",
                "{ \"enabled\": true, \"type\": \"shell\", \"command\": \"true\" }"));
  }

  @Test
  void a_missing_field_is_inserted_on_its_own_line_with_the_same_indent() throws Exception {
    Path file = dir.resolve("tasks_config.json");
    Files.writeString(
        file, "{\n  \"t\": {\n    \"type\": \"shell\",\n    \"command\": \"true\"\n  }\n}\n");
    editor().setEnabled(home(), List.of("t"), false);
    assertThat(Files.readString(file))
        .isEqualTo(
            "{\n  \"t\": {\n    \"enabled\": false,\n    \"type\": \"shell\",\n"
                + "    \"command\": \"true\"\n  }\n}\n");
  }

  @Test
  void an_unknown_task_changes_nothing() throws Exception {
    Path file = dir.resolve("tasks_config.json");
    String text = "{\"backup\": {\"type\": \"shell\", \"command\": \"true\"}}";
    Files.writeString(file, text);
    assertThatThrownBy(() -> editor().setEnabled(home(), List.of("bakup"), false))
        .isInstanceOf(InvalidConfigException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigException) e).problems().get(0).toString())
                    .contains("no task named \"bakup\"; did you mean \"backup\"?"));
    assertThat(Files.readString(file)).isEqualTo(text);
  }
}
