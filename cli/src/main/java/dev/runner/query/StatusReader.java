package dev.runner.query;

import dev.runner.config.InvalidTask;
import dev.runner.config.Problem;
import dev.runner.config.RunnerConfig;
import dev.runner.config.Settings;
import dev.runner.config.TaskDef;
import dev.runner.daemon.DaemonLock;
import dev.runner.engine.Identity;
import dev.runner.engine.PassMark;
import dev.runner.engine.RunMessage;
import dev.runner.engine.StateAhead;
import dev.runner.query.HomeStatus.Attention;
import dev.runner.query.HomeStatus.Failing;
import dev.runner.query.HomeStatus.Kind;
import dev.runner.query.HomeStatus.Running;
import dev.runner.store.Outcomes;
import dev.runner.store.PendingRetry;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import dev.runner.store.TaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds a {@link HomeStatus} from one read of the store and what the home's files tell. */
public final class StatusReader {

  private final Identity identity;
  private final Duration sharedDeadAfter;

  public StatusReader(Identity identity) {
    this(identity, null);
  }

  /**
   * {@code sharedDeadAfter}: on a shared database, {@code RUNNER_DEAD_AFTER}, by which another
   * host's runs are told alive or not (null for a home of its own, where they cannot be told).
   */
  public StatusReader(Identity identity, Duration sharedDeadAfter) {
    this.identity = identity;
    this.sharedDeadAfter = sharedDeadAfter;
  }

  /** The reader for a home with these settings. */
  public static StatusReader of(Settings settings) {
    return new StatusReader(
        Identity.current(settings), settings.shared() ? settings.deadAfter() : null);
  }

  private record Rows(
      Collection<TaskState> states,
      Map<String, Outcomes> outcomes,
      List<RunRecord> running,
      List<PendingRetry> retries,
      Set<Store.Owner> dead) {}

  /**
   * The status of a home as the command line finds it.
   *
   * @param config the loaded configuration, or its settings alone when it is refused
   * @param refused why the configuration is refused as a whole; empty when it loads, and then its
   *     enabled tasks are watched and its invalid ones told
   */
  public HomeStatus read(Store store, RunnerConfig config, List<Problem> refused, Instant now) {
    Optional<Set<String>> tasks =
        refused.isEmpty()
            ? Optional.of(
                config.tasks().stream()
                    .filter(TaskDef::enabled)
                    .map(TaskDef::name)
                    .collect(Collectors.toSet()))
            : Optional.empty();
    List<InvalidTask> invalid = refused.isEmpty() ? config.invalid() : List.of();
    return read(store, config.home().dir(), tasks, refused, invalid, now);
  }

  /**
   * @param tasks the enabled tasks of a configuration that loads, whose failures count; empty when
   *     it does not load, and then every task the store knows counts
   * @param problems why the configuration is refused as a whole
   * @param invalid the invalid tasks of a configuration that loads
   */
  public HomeStatus read(
      Store store,
      Path home,
      Optional<Set<String>> tasks,
      List<Problem> problems,
      List<InvalidTask> invalid,
      Instant now) {
    Rows rows =
        store.inTransaction(
            tx -> {
              Map<String, TaskState> states = tx.states();
              // a configured task without a state row runs as a dependent or by hand only
              Map<String, Outcomes> outcomes = new TreeMap<>();
              states.forEach((task, state) -> outcomes.put(task, Outcomes.of(state)));
              for (String task : tasks.orElse(Set.of())) {
                if (!states.containsKey(task)) {
                  outcomes.put(task, tx.outcomesFromRows(task));
                }
              }
              return new Rows(
                  states.values(),
                  outcomes,
                  tx.running(),
                  tx.retries(),
                  sharedDeadAfter == null ? Set.of() : tx.deadOwners(sharedDeadAfter));
            });
    List<Failing> failing = new ArrayList<>();
    rows.outcomes()
        .forEach(
            (task, outcome) -> {
              boolean watched = tasks.map(t -> t.contains(task)).orElse(true);
              if (watched && outcome.lastStatus() != null && outcome.lastStatus().isFailure()) {
                Optional<RunRecord> run =
                    outcome.lastRunId() == null
                        ? Optional.empty()
                        : store.find(outcome.lastRunId());
                failing.add(
                    new Failing(
                        task,
                        outcome.lastStatus(),
                        outcome.lastRunId(),
                        run.map(r -> r.endTime() != null ? r.endTime() : r.runTime()).orElse(null),
                        run.map(r -> RunMessage.parse(r.message()).oneLine()).orElse("")));
              }
            });
    List<Running> running = new ArrayList<>();
    for (RunRecord r : rows.running()) {
      running.add(
          new Running(
              r.id(),
              r.taskName(),
              r.runTime(),
              Duration.between(r.runTime(), now),
              r.host(),
              r.pid(),
              r.childPid(),
              ownerAlive(r, rows.dead())));
    }
    List<StateAhead.Ahead> ahead =
        StateAhead.find(rows.states(), now).stream()
            .filter(a -> tasks.map(t -> t.contains(a.task())).orElse(true))
            .toList();
    Instant lastPass = PassMark.last(home).orElse(null);
    DaemonLock.Status daemon = daemon(home);
    return new HomeStatus(
        now,
        lastPass,
        daemon.running() ? daemon.pid() : null,
        daemon.running() ? daemon.lastPass() : null,
        running,
        failing,
        rows.retries(),
        ahead,
        problems,
        invalid,
        attention(now, lastPass, problems, invalid, failing, ahead, running));
  }

  private static List<Attention> attention(
      Instant now,
      Instant lastPass,
      List<Problem> problems,
      List<InvalidTask> invalid,
      List<Failing> failing,
      List<StateAhead.Ahead> ahead,
      List<Running> running) {
    List<Attention> out = new ArrayList<>();
    if (lastPass == null) {
      out.add(new Attention(Kind.NEVER_PASSED, null));
    } else if (Duration.between(lastPass, now).compareTo(HomeStatus.PASS_STALE) > 0) {
      out.add(new Attention(Kind.PASS_STALE, null));
    }
    if (!problems.isEmpty()) {
      out.add(new Attention(Kind.CONFIG_INVALID, null));
    }
    invalid.forEach(t -> out.add(new Attention(Kind.TASK_INVALID, t.name())));
    failing.forEach(f -> out.add(new Attention(Kind.TASK_FAILING, f.task())));
    ahead.forEach(a -> out.add(new Attention(Kind.STATE_AHEAD, a.task())));
    running.stream()
        .filter(r -> Boolean.FALSE.equals(r.ownerAlive()))
        .forEach(r -> out.add(new Attention(Kind.OWNER_GONE, r.task())));
    return out;
  }

  /**
   * Asked of the OS, not of the task's lock: probing the lock would hold it for an instant, and a
   * tick claiming the task then would take the run for busy.
   */
  private Boolean ownerAlive(RunRecord r, Set<Store.Owner> dead) {
    if (!identity.host().equals(r.host())) {
      // another host's: its beat tells on a shared database, nothing does otherwise
      return sharedDeadAfter == null ? null : !dead.contains(Store.Owner.of(r));
    }
    return r.pid() != null && ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false);
  }

  private static DaemonLock.Status daemon(Path home) {
    try {
      return DaemonLock.status(DaemonLock.file(home));
    } catch (IOException e) {
      return new DaemonLock.Status(false, "", null);
    }
  }
}
