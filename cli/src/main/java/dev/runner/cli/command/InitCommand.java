package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Start a home: a starter tasks_config.json and .env.example, then the next steps.",
      "Never overwrites a file without --force."
    })
final class InitCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "The home to create (default: --home, $RUNNER_HOME, or the current directory).")
  String dir;

  @Option(names = "--force", description = "Overwrite files that exist.")
  boolean force;

  static final String CONFIG =
      """
      {
        "hello": {
          "type": "shell",
          "every": "1h",
          "command": "echo \\"hello from runner: run $RUNNER_RUN_ID at $(date '+%H:%M')\\"",
          "description": "一个不需要任何密钥的示例任务"
        },
        "daily_journal": {
          "enabled": false,
          "cron": "0 0 * * *",
          "description": "每日创建 Notion 日记 (set NOTION_TOKEN and NOTION_DATABASE_ID, then: runner enable daily_journal)"
        },
        "weekly_review": {
          "enabled": false,
          "cron": "0 8 * * 1",
          "description": "每周一生成周报模板"
        }
      }
      """;

  static final String ENV_EXAMPLE =
      """
      # runner's settings and secrets. Copy to .env and fill in what you use; a variable set in the
      # process environment wins over this file. Keys holding TOKEN, KEY, SECRET, PASSWORD or PASS
      # (and those listed in RUNNER_SECRETS) are masked as *** in everything runner stores or logs.

      # --- runner itself (defaults shown) ---
      # RUNNER_DB=task_log.db
      # RUNNER_LOG_DIR=logs
      # RUNNER_MAX_WORKERS=4
      # RUNNER_TIMEZONE=Asia/Shanghai
      # RUNNER_HISTORY_DAYS=90
      # RUNNER_LOG_DAYS=7
      # RUNNER_SECRETS=MY_PRIVATE_VALUE,OTHER_ONE

      # --- Notion: daily_journal, weekly_review ---
      # NOTION_TOKEN=secret_...
      # NOTION_DATABASE_ID=0123456789abcdef0123456789abcdef
      # NOTION_API_URL=https://api.notion.com/v1

      # --- Dify: dify_workflow ---
      # DIFY_API_KEY=app-...
      # DIFY_API_URL=https://api.dify.ai/v1

      # --- email notifications ---
      # SMTP_HOST=smtp.example.com
      # SMTP_PORT=587
      # SMTP_USER=me@example.com
      # SMTP_PASSWORD=...
      # SMTP_FROM=runner@example.com
      # SMTP_STARTTLS=true
      # SMTP_SSL=false
      # SMTP_SSL_TRUST=
      """;

  @Override
  public Integer call() throws IOException {
    Invocation inv = root.invocation();
    Path home = dir != null ? inv.workingDir().resolve(dir).normalize() : root.home().dir();
    Files.createDirectories(home);
    List<String> written = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    write(home.resolve("tasks_config.json"), CONFIG, written, kept);
    write(home.resolve(".env.example"), ENV_EXAMPLE, written, kept);
    for (String file : written) {
      inv.out().println("wrote " + file);
    }
    for (String file : kept) {
      inv.err().println("runner: " + file + " exists; kept it (use --force to overwrite)");
    }
    String where = home.equals(inv.workingDir()) ? "" : " --home " + home;
    inv.out().println();
    inv.out().println("next steps:");
    inv.out()
        .println(
            "  cp "
                + home.resolve(".env.example")
                + " "
                + home.resolve(".env")
                + "   # and fill in what you use");
    inv.out().println("  runner" + where + " validate");
    inv.out().println("  runner" + where + " run hello");
    inv.out().println("  runner" + where + " install cron     # or: install systemd");
    return kept.isEmpty() ? ExitCode.OK : ExitCode.USAGE;
  }

  private void write(Path file, String text, List<String> written, List<String> kept)
      throws IOException {
    if (Files.exists(file) && !force) {
      kept.add(file.toString());
      return;
    }
    Files.writeString(
        file,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    written.add(file.toString());
  }
}
