package dev.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link Cli} with the last history row at hand, for the end-to-end tests of task types, plugins
 * and windows.
 */
final class CliHarness {

  private final Cli cli;

  public CliHarness(Path home) {
    this.cli = new Cli(home);
  }

  public CliHarness config(String json) throws IOException {
    cli.config(json);
    return this;
  }

  public CliHarness dotenv(String text) throws IOException {
    cli.dotenv(text);
    return this;
  }

  public CliHarness env(String key, String value) {
    cli.env.put(key, value);
    return this;
  }

  public CliHarness at(String instant) {
    cli.at(instant);
    return this;
  }

  public Result run(String... args) {
    Cli.Result result = cli.run(args);
    return new Result(result.code(), result.out(), result.err());
  }

  /** The history rows, newest first, as {@code history --json} prints them. */
  public List<Map<String, Object>> history(String... filters) throws IOException {
    String[] args = new String[filters.length + 2];
    args[0] = "--limit";
    args[1] = "1000";
    System.arraycopy(filters, 0, args, 2, filters.length);
    return cli.history(args);
  }

  public Map<String, Object> lastRow() throws IOException {
    return history().get(0);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> lastMessage() throws IOException {
    return (Map<String, Object>) lastRow().get("message");
  }

  public record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
