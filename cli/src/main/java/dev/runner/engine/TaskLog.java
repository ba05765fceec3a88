package dev.runner.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import dev.runner.store.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code logs/task.log}: one line per start and end of a run, and the errors behind exit code 4,
 * rolled daily with {@code RUNNER_LOG_DAYS} kept. Logback, in a context of this log's own made on
 * first use: no XML start-up, and nothing global for libraries to set off (they log through SLF4J's
 * no-op provider, see {@code Main}).
 */
public final class TaskLog {

  private final Path logDir;
  private final int days;
  private final UnaryOperator<String> redact;
  private final Consumer<String> echo;
  private Logger logger;

  /** {@code echo}, when given, gets each line as well: the daemon's stdout. */
  public TaskLog(Path logDir, int days, UnaryOperator<String> redact, Consumer<String> echo) {
    this.logDir = logDir;
    this.days = days;
    this.redact = redact;
    this.echo = echo;
  }

  public TaskLog(Path logDir, int days) {
    this(logDir, days, UnaryOperator.identity(), null);
  }

  public void started(String task, long runId, String trigger) {
    logger().info("start {} run={} trigger={}", task, runId, trigger);
  }

  public void ended(String task, long runId, String status, double seconds, String error) {
    String line =
        String.format("end   %s run=%d status=%s duration=%.3fs", task, runId, status, seconds);
    if (error != null && !error.isBlank()) {
      line += " error=" + redact.apply(error.replace('\n', ' '));
    }
    if (status.equals("success")) {
      logger().info(line);
    } else {
      logger().warn(line);
    }
  }

  public void note(String message) {
    logger().info(redact.apply(message));
  }

  public void warn(String message) {
    logger().warn(redact.apply(message));
  }

  /** The error and its stack trace, both masked: an exception's text may quote a secret. */
  public void error(String message, Throwable cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    logger()
        .error(redact.apply(message + System.lineSeparator() + trace.toString().stripTrailing()));
  }

  private synchronized Logger logger() {
    if (logger == null) {
      logger = configure();
    }
    return logger;
  }

  private Logger configure() {
    LoggerContext context = new LoggerContext();
    context.setName("runner-task-log");
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    context.start();
    Logger log = context.getLogger("runner.task");
    try {
      Path file = PrivateFiles.create(logDir.resolve("task.log"));
      RollingFileAppender<ILoggingEvent> appender = new PrivateRollingAppender();
      appender.setContext(context);
      appender.setName("task-log");
      appender.setFile(file.toString());
      TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
      policy.setContext(context);
      policy.setParent(appender);
      policy.setFileNamePattern(logDir.resolve("task.%d{yyyy-MM-dd}.log").toString());
      policy.setMaxHistory(days);
      policy.setCleanHistoryOnStart(true);
      policy.start();
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setCharset(StandardCharsets.UTF_8);
      encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %msg%n");
      encoder.start();
      appender.setRollingPolicy(policy);
      appender.setEncoder(encoder);
      appender.start();
      log.addAppender(appender);
      if (echo != null) {
        log.addAppender(echoAppender(context));
      }
      log.setLevel(Level.INFO);
      log.setAdditive(false);
    } catch (IOException e) {
      // no log folder: runs still go to the database, which is the record that matters
    }
    return log;
  }

  /**
   * Logback makes the day's new {@code task.log} at each roll-over through a plain {@link
   * java.io.FileOutputStream}, whose mode the umask decides; made here first, it stays private.
   */
  private static final class PrivateRollingAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String name) throws IOException {
      PrivateFiles.create(Path.of(name));
      super.openFile(name);
    }
  }

  private Appender<ILoggingEvent> echoAppender(LoggerContext context) {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%d{yyyy-MM-dd HH:mm:ss} %-5level %msg%n");
    layout.start();
    AppenderBase<ILoggingEvent> appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            String line = layout.doLayout(event);
            echo.accept(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
          }
        };
    appender.setContext(context);
    appender.setName("echo");
    appender.start();
    return appender;
  }
}
