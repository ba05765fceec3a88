package dev.runner.engine;

import dev.runner.task.Cancellation;
import dev.runner.task.ProcessOutcome;
import dev.runner.task.ProcessSpec;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Starts child processes each in a session and process group of its own ({@code setsid}), so that a
 * timeout stops the whole tree: SIGTERM to the group, SIGKILL {@code grace} later
 * (docs/locking-and-crashes.md, "Timeouts and process groups").
 */
public final class ProcessGroups {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final ScheduledExecutorService timers;
  private final Duration grace;

  /** Readers of the children's output; threads are reused, a thousand runs need not start them. */
  private final ExecutorService pumps =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "runner-output");
            thread.setDaemon(true);
            return thread;
          });

  public ProcessGroups(ScheduledExecutorService timers, Duration grace) {
    this.timers = timers;
    this.grace = grace;
  }

  ProcessOutcome run(
      ProcessSpec spec,
      OutputSink output,
      Cancellation cancellation,
      Consumer<ProcessHandle> started)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    boolean ownGroup = Files.isExecutable(SETSID);
    if (ownGroup) {
      // setsid execs in place (the child is not a group leader), so pid == process group id
      command.add(SETSID.toString());
    }
    command.addAll(spec.argv());
    ProcessBuilder builder = new ProcessBuilder(command).directory(spec.cwd().toFile());
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    // Recorded at once: a runner killed a moment later must still find the orphan to stop.
    started.accept(process.toHandle());

    Future<?> pump = pumps.submit(() -> pump(process, output));
    cancellation.onCancel(() -> stop(process, ownGroup));
    int exit = process.waitFor();
    try {
      // A background child that keeps the pipe open must not hold the run forever.
      pump.get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the output read so far is kept; the reader ends when the pipe closes
    }
    return new ProcessOutcome(exit, cancellation.isCancelled());
  }

  private static void pump(Process process, OutputSink output) {
    try (InputStreamReader reader =
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      LinePump.pump(reader, output);
    } catch (IOException e) {
      // the stream closes when the process group is killed
    }
  }

  private void stop(Process process, boolean ownGroup) {
    signal(process, ownGroup, "TERM");
    timers.schedule(
        () -> {
          signal(process, ownGroup, "KILL");
        },
        grace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Stops what is left of a run whose runner died: the group led by {@code pid}, if that process is
   * still the one that was started at {@code started} (a pid can be reused).
   */
  public static boolean stopLeftovers(long pid, Instant started) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    Optional<Instant> actual = handle.flatMap(h -> h.info().startInstant());
    if (actual.isEmpty()
        || Duration.between(actual.get(), started).abs().compareTo(Duration.ofSeconds(2)) > 0) {
      return false;
    }
    groupSignal(pid, "KILL");
    return true;
  }

  private static boolean groupSignal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-s", signal, "--", "-" + pid)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void signal(Process process, boolean ownGroup, String signal) {
    if (ownGroup && groupSignal(process.pid(), signal)) {
      return;
    }
    boolean force = signal.equals("KILL");
    process
        .descendants()
        .forEach(
            child -> {
              if (force) {
                child.destroyForcibly();
              } else {
                child.destroy();
              }
            });
    if (force) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
  }
}
