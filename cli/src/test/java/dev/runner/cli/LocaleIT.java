package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher under cron's bare environment (no LANG, as `env -i` gives): Chinese commands, env
 * values, paths and file names reach the task as the UTF-8 they were written in.
 */
class LocaleIT {

  static final Path LAUNCHER = Path.of("..", "packaging", "bin", "runner");

  @TempDir Path home;

  @Test
  void chinese_commands_env_values_and_paths_work_under_an_empty_locale() throws Exception {
    Path folder = Files.createDirectories(home.resolve("数据"));
    Files.writeString(
        home.resolve("tasks_config.json"),
        "{\"backup\": {\"type\": \"shell\", \"cwd\": \""
            + folder
            + "\", \"env\": {\"MSG\": \"你好\"},"
            + " \"command\": \"echo 备份完成 > out.txt; echo $MSG >> out.txt; touch 旧文件.txt\"}}",
        StandardCharsets.UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                "env",
                "-i",
                "PATH=/usr/bin:/bin",
                "RUNNER_CDS=0",
                "RUNNER_TIMEZONE=UTC",
                "RUNNER_JAR=" + PackagedJar.JAR.toAbsolutePath(),
                LAUNCHER.toAbsolutePath().toString(),
                "--home",
                home.toString(),
                "run",
                "backup"));
    builder.redirectErrorStream(true);
    builder.redirectOutput(home.resolve("runner-output.txt").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(home.resolve("runner-output.txt"), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8))
        .isEqualTo("备份完成\n你好\n");
    assertThat(Files.exists(folder.resolve("旧文件.txt"))).isTrue();
  }
}
