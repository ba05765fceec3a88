package dev.runner.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One installation's folder and its two inputs. The home is {@code --home}, else {@code
 * $RUNNER_HOME}, else the current directory; {@code --config} and {@code --env-file} override the
 * inputs' default places in it.
 */
public record Home(Path dir, Path configFile, Path envFile) {

  public static Home resolve(
      String homeOption,
      String configOption,
      String envFileOption,
      Map<String, String> processEnv,
      Path workingDir) {
    String chosen = homeOption != null ? homeOption : processEnv.get("RUNNER_HOME");
    Path dir =
        (chosen == null || chosen.isBlank() ? workingDir : workingDir.resolve(chosen)).normalize();
    Path config =
        configOption == null ? dir.resolve("tasks_config.json") : workingDir.resolve(configOption);
    Path env = envFileOption == null ? dir.resolve(".env") : workingDir.resolve(envFileOption);
    return new Home(dir, config.normalize(), env.normalize());
  }

  /** A path from {@code .env} or config, relative to the home unless absolute. */
  public Path resolve(String path) {
    return dir.resolve(path).normalize();
  }
}
