package dev.runner.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The files {@code runner init} starts a home with: a task that needs no secret, and the .env's
 * keys.
 */
final class StarterHome {

  private StarterHome() {}

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
      # RUNNER_AUDIT_DAYS=365
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

  /**
   * Writes {@code text} to {@code file} unless it exists and {@code force} is false; adds the file
   * to {@code written} or to {@code kept}.
   */
  static void write(Path file, String text, boolean force, List<String> written, List<String> kept)
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
