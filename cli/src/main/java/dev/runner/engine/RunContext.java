package dev.runner.engine;

import dev.runner.task.Cancellation;
import dev.runner.task.ProcessOutcome;
import dev.runner.task.ProcessSpec;
import dev.runner.task.TaskContext;
import dev.runner.task.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link TaskContext} of one run. */
final class RunContext implements TaskContext {

  private final Claim claim;
  private final Map<String, String> environment;
  private final Path home;
  private final RunOutput output;
  private final CancelSignal cancellation;
  private final ProcessGroups processes;
  private final Consumer<ProcessHandle> onChild;

  RunContext(
      Claim claim,
      Map<String, String> environment,
      Path home,
      RunOutput output,
      CancelSignal cancellation,
      ProcessGroups processes,
      Consumer<ProcessHandle> onChild) {
    this.claim = claim;
    this.environment = Map.copyOf(environment);
    this.home = home;
    this.output = output;
    this.cancellation = cancellation;
    this.processes = processes;
    this.onChild = onChild;
  }

  @Override
  public String taskName() {
    return claim.task().name();
  }

  @Override
  public long runId() {
    return claim.id();
  }

  @Override
  public String runKey() {
    return claim.runKey();
  }

  @Override
  public int attempt() {
    return claim.attempt();
  }

  @Override
  public String trigger() {
    return claim.trigger().dbName();
  }

  @Override
  public Instant scheduledFor() {
    return claim.scheduledFor();
  }

  @Override
  public java.time.ZoneId zone() {
    return claim.task().zone();
  }

  @Override
  public Optional<Window> window() {
    return Optional.ofNullable(claim.window());
  }

  @Override
  public Map<String, Object> params() {
    return claim.task().params();
  }

  @Override
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public Path home() {
    return home;
  }

  @Override
  public void log(String line) {
    output.line(line);
  }

  @Override
  public Cancellation cancellation() {
    return cancellation;
  }

  @Override
  public ProcessOutcome exec(ProcessSpec spec) throws InterruptedException, IOException {
    return processes.run(spec, output, cancellation, onChild);
  }
}
