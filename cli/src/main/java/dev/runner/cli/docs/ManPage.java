package dev.runner.cli.docs;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code runner(1)} in roff, written from the command tree like the completion scripts: every
 * command with its synopsis, description, arguments and options, then the exit codes, files and
 * environment. {@code man/runner.1} holds the generated page; a test keeps it current.
 */
final class ManPage {

  private ManPage() {}

  /** Options every command has, described once under the global options. */
  private static final Set<String> EVERYWHERE = Set.of("-h", "-V");

  static String roff(CommandLine tree) {
    CommandSpec root = tree.getCommandSpec();
    StringBuilder page = new StringBuilder();
    page.append(".TH RUNNER 1 \"\" \"runner\" \"User Commands\"\n");
    page.append(".SH NAME\nrunner \\- ")
        .append(escape(lowerFirst(String.join(" ", root.usageMessage().description()))))
        .append('\n');
    page.append(
        ".SH SYNOPSIS\n.B runner\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
    page.append(".SH DESCRIPTION\n")
        .append(
            escape(
                "Cron (or a systemd timer) calls runner tick every minute; it reads"
                    + " tasks_config.json and .env, decides against its SQLite history which"
                    + " tasks are due, runs them in a bounded pool, records every run, sends the"
                    + " notifications its rules ask for, and exits. runner daemon does the same"
                    + " resident. The other commands are for people: run a task now, read the"
                    + " history, check the config."))
        .append('\n');
    page.append(".SH GLOBAL OPTIONS\n");
    for (OptionSpec option : root.options()) {
      option(page, option);
    }
    page.append(".SH COMMANDS\n");
    for (CommandLine command : tree.getSubcommands().values()) {
      command(page, command.getCommandSpec());
    }
    page.append(".SH EXIT STATUS\n");
    root.usageMessage()
        .exitCodeList()
        .forEach(
            (code, meaning) ->
                page.append(".TP\n.B ")
                    .append(code.strip())
                    .append('\n')
                    .append(escape(meaning))
                    .append('\n'));
    page.append(FIXED);
    return page.toString();
  }

  private static void command(StringBuilder page, CommandSpec spec) {
    page.append(".SS \"").append(escape(spec.qualifiedName())).append("\"\n");
    String synopsis =
        new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
            .synopsis(0)
            .strip()
            .replaceAll("\\s+", " ");
    page.append(".B ").append(escape(synopsis)).append("\n.PP\n");
    page.append(
            String.join(
                "\n.br\n",
                java.util.Arrays.stream(spec.usageMessage().description())
                    .map(ManPage::escape)
                    .toList()))
        .append('\n');
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      if (parameter.hidden() || parameter.description().length == 0) {
        continue;
      }
      page.append(".TP\n\\fI").append(escape(parameter.paramLabel())).append("\\fR\n");
      page.append(escape(String.join(" ", parameter.description()))).append('\n');
    }
    for (OptionSpec option : spec.options()) {
      if (!option.inherited() && !EVERYWHERE.contains(option.shortestName())) {
        option(page, option);
      }
    }
    for (CommandLine sub : spec.subcommands().values()) {
      command(page, sub.getCommandSpec());
    }
  }

  private static void option(StringBuilder page, OptionSpec option) {
    if (option.hidden()) {
      return;
    }
    page.append(".TP\n");
    List<String> names = List.of(option.names());
    for (int i = 0; i < names.size(); i++) {
      page.append(i == 0 ? "" : ", ").append("\\fB").append(escape(names.get(i))).append("\\fR");
    }
    if (option.arity().max() > 0) {
      page.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
    }
    page.append('\n').append(escape(String.join(" ", option.description()))).append('\n');
  }

  /** Text safe in roff: backslashes and hyphens escaped, no line starting as a request. */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static final String FIXED =
      """
      .SH FILES
      A home is a folder (\\fB\\-\\-home\\fR, else \\fB$RUNNER_HOME\\fR, else the current one) with:
      .TP
      .B tasks_config.json
      the tasks: schedule, type, fields, retries, dependencies, notifications
      .TP
      .B .env
      secrets and settings (KEY=value; the process environment wins)
      .TP
      .B task_log.db
      SQLite: every run and skipped fire, each task's state
      .TP
      .B logs/task.log
      a line per start and end of a run (rolled daily)
      .TP
      .B logs/runs/TASK/RUN_ID.log
      a run's full output (\\fBrunner logs RUN_ID\\fR)
      .TP
      .B locks/\\fR, \\fBrunner.lock
      liveness of runs, the tick lock, the idle record, the daemon's lock
      .SH ENVIRONMENT
      Each may also be set in \\fB.env\\fR.
      .TP
      .B RUNNER_HOME
      the home when \\fB\\-\\-home\\fR is not given
      .TP
      .B RUNNER_TIMEZONE
      the zone of schedules without their own \\fBtimezone\\fR (default: the system's)
      .TP
      .B RUNNER_MAX_WORKERS
      how many runs at once (default 4)
      .TP
      .B RUNNER_DB\\fR, \\fBRUNNER_LOG_DIR
      the database file and the log folder (default: in the home); RUNNER_DB may name a
      PostgreSQL database several hosts share, postgresql://USER@HOST:PORT/DB
      .TP
      .B RUNNER_DB_PASSWORD\\fR, \\fBRUNNER_HOST_ID\\fR, \\fBRUNNER_DEAD_AFTER
      that database's password; the host this runner's rows name (default: the host name);
      how long a runner may be silent before another host records its runs crashed (60s)
      .TP
      .B RUNNER_HISTORY_DAYS\\fR, \\fBRUNNER_LOG_DAYS\\fR, \\fBRUNNER_AUDIT_DAYS
      how long history rows and run logs, task.log files, and audit entries are kept
      .TP
      .B RUNNER_SECRETS
      more names whose values are masked in output and history
      .TP
      .B SMTP_HOST\\fR, \\fBSMTP_PORT\\fR, \\fBSMTP_USER\\fR, \\fBSMTP_PASSWORD\\fR, \\fBSMTP_FROM
      the mail server of email notifications
      .TP
      .B NO_COLOR
      no colour, even on a terminal
      .SH EXAMPLES
      .nf
      runner init ~/runner\\-home
      runner \\-\\-home ~/runner\\-home install cron \\-\\-write
      runner \\-\\-home ~/runner\\-home run daily_journal
      runner \\-\\-home ~/runner\\-home history \\-\\-task daily_journal \\-\\-status failed
      .fi
      .SH SEE ALSO
      .BR crontab (5),
      .BR systemd.timer (5),
      https://no\\-color.org
      """;
}
