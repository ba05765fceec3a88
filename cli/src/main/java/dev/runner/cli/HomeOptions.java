package dev.runner.cli;

import dev.runner.config.Home;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.Position;
import dev.runner.config.Problem;
import java.nio.file.Files;
import java.util.List;

/**
 * The global options that name the home and its files ({@code --home}, {@code --config}, {@code
 * --env-file}), as given: null where one was not. A command line read without picocli sets them,
 * and the shell gives them to every command again.
 */
public record HomeOptions(String home, String config, String envFile) {

  /** The home they name, from the environment and working directory where they name none. */
  public Home resolve(Invocation invocation) {
    return Home.resolve(home, config, envFile, invocation.environment(), invocation.workingDir());
  }

  /**
   * The home, with an {@code --env-file} given on purpose that must exist: a mistyped path would
   * otherwise run every task without its secrets and settings. Only the default {@code .env} may be
   * missing.
   */
  Home checked(Invocation invocation) throws InvalidConfigException {
    Home resolved = resolve(invocation);
    if (envFile != null && !Files.exists(resolved.envFile())) {
      throw new InvalidConfigException(
          List.of(
              new Problem(
                  resolved.envFile(),
                  Position.START,
                  "--env-file",
                  "file not found (" + resolved.envFile() + ")",
                  "check the path (relative to the current folder), or leave --env-file out to"
                      + " use HOME/.env, which may be missing")));
    }
    return resolved;
  }
}
