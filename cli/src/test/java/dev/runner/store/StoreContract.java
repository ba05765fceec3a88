package dev.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whichever database is behind it: a subclass per implementation says how
 * to reach a fresh database (as db-scheduler's {@code CompatibilityTest} runs per database). Each
 * call of {@link #connect} within one test is a new connection to the same database.
 */
public abstract class StoreContract {

  /** A new connection to this test's database, empty at the test's first call. */
  protected abstract Store connect();

  static final Instant FIRE = Instant.parse("2026-11-23T10:00:00Z");

  NewRun claim(String task) {
    return new NewRun(task, RunStatus.RUNNING, FIRE, FIRE, Trigger.SCHEDULE, 1, "{}");
  }

  NewRun claim(String task, Instant fire, int attempt) {
    return new NewRun(task, RunStatus.RUNNING, fire, fire, Trigger.SCHEDULE, attempt, "{}");
  }

  RunEnd end(RunStatus status, boolean last) {
    return new RunEnd(status, FIRE, FIRE.plusSeconds(2), 2.0, "{}", last);
  }

  long run(Store store, String task, Instant fire, RunStatus status) {
    long id = store.inTransaction(tx -> tx.insert(claim(task, fire, 1), "h", 1).orElseThrow());
    store.finish(id, new RunEnd(status, fire, fire.plusSeconds(2), 2.0, "{}", true));
    return id;
  }

  @Test
  void a_fire_can_be_claimed_once_across_connections() {
    try (Store one = connect();
        Store two = connect()) {
      Optional<Long> first = one.inTransaction(tx -> tx.insert(claim("a"), "h1", 1));
      Optional<Long> second = two.inTransaction(tx -> tx.insert(claim("a"), "h2", 2));
      assertThat(first).isPresent();
      assertThat(second).isEmpty();
      Optional<Long> other = two.inTransaction(tx -> tx.insert(claim("b"), "h2", 2));
      assertThat(other).isPresent();
    }
  }

  @Test
  void finishing_a_run_updates_its_row_and_the_tasks_counts_together() {
    try (Store store = connect()) {
      long id =
          store.inTransaction(
              tx -> {
                tx.ensureState("a", FIRE);
                return tx.insert(claim("a"), "h", 1).orElseThrow();
              });
      store.finish(
          id,
          new RunEnd(
              RunStatus.TECHNICAL_FAILURE,
              FIRE,
              FIRE.plusSeconds(3),
              3.0,
              "{\"exit_code\":2}",
              true));
      RunRecord row = store.find(id).orElseThrow();
      assertThat(row.status()).isEqualTo(RunStatus.TECHNICAL_FAILURE);
      assertThat(row.duration()).isEqualTo(3.0);
      assertThat(row.runTime()).isEqualTo(FIRE);
      assertThat(row.message()).isEqualTo("{\"exit_code\":2}");
      TaskState state = store.states().get("a");
      assertThat(state.failures()).isEqualTo(1);
      assertThat(state.lastStatus()).isEqualTo(RunStatus.TECHNICAL_FAILURE);
      assertThat(store.history(new HistoryQuery("a", Set.of(RunStatus.SUCCESS), null, 10, 0)))
          .isEmpty();
    }
  }

  @Test
  void reopening_keeps_everything() {
    try (Store store = connect()) {
      store.inTransaction(tx -> tx.insert(claim("a"), "h", 1));
    }
    try (Store store = connect()) {
      assertThat(store.history(new HistoryQuery(null, Set.of(), null, 10, 0))).hasSize(1);
    }
  }

  @Test
  void a_row_keeps_every_field_as_written() {
    Instant start = Instant.parse("2026-11-23T10:00:00.123Z");
    Instant windowEnd = start.plusSeconds(3600);
    NewRun run =
        new NewRun(
            "日报",
            RunStatus.RUNNING,
            start,
            FIRE,
            Trigger.DEPENDENCY,
            2,
            "{\"说\":\"好\"}",
            7L,
            FIRE,
            windowEnd);
    try (Store store = connect()) {
      long id = store.inTransaction(tx -> tx.insert(run, "主机", 4242).orElseThrow());
      store.markChild(id, 4343, start.plusMillis(5));
      RunRecord row = store.find(id).orElseThrow();
      assertThat(row)
          .isEqualTo(
              new RunRecord(
                  id,
                  "日报",
                  RunStatus.RUNNING,
                  start,
                  null,
                  "{\"说\":\"好\"}",
                  FIRE,
                  Trigger.DEPENDENCY,
                  2,
                  null,
                  FIRE,
                  windowEnd,
                  "主机",
                  4242L,
                  4343L,
                  start.plusMillis(5),
                  7L,
                  true));
      assertThat(store.inTransaction(Store.Tx::running)).containsExactly(row);
    }
  }

  @Test
  void a_skipped_row_is_ended_when_written_and_never_counts_as_a_run() {
    try (Store store = connect()) {
      NewRun skipped = new NewRun("a", RunStatus.SKIPPED, FIRE, FIRE, Trigger.SCHEDULE, 1, "{}");
      long id = store.inTransaction(tx -> tx.insert(skipped, "h", 1).orElseThrow());
      RunRecord row = store.find(id).orElseThrow();
      assertThat(row.duration()).isEqualTo(0.0);
      assertThat(row.endTime()).isEqualTo(FIRE);
      assertThat(store.<Long>inTransaction(tx -> tx.lastRunId("a"))).isZero();
      assertThat(store.inTransaction(Store.Tx::running)).isEmpty();
    }
  }

  static Set<Store.Owner> dead(Store store, Duration deadAfter) {
    return store.inTransaction(tx -> tx.deadOwners(deadAfter));
  }

  @Test
  void a_running_rows_owner_is_dead_until_it_beats_and_again_once_its_beat_is_too_old() {
    try (Store store = connect()) {
      store.inTransaction(tx -> tx.insert(claim("a"), "nas", 11).orElseThrow());
      store.inTransaction(tx -> tx.insert(claim("b"), "vm2", 22).orElseThrow());
      store.beat("nas", 11, "0.1.0");
      Duration minute = Duration.ofMinutes(1);
      assertThat(dead(store, minute)).containsExactly(new Store.Owner("vm2", 22));
      store.beat("vm2", 22, "0.1.0");
      store.beat("vm2", 22, "0.1.0"); // a second beat is the same row, stamped again
      assertThat(dead(store, minute)).isEmpty();
      // a dead time that ends in the future: every beat, however fresh, is older than it
      assertThat(dead(store, Duration.ofMinutes(-1)))
          .containsExactlyInAnyOrder(new Store.Owner("nas", 11), new Store.Owner("vm2", 22));
      Store other = connect();
      assertThat(dead(other, minute)).as("any host sees it").isEmpty();
      other.close();
      assertThat(store.pruneProcesses(Duration.ofDays(1))).as("both beat just now").isZero();
      assertThat(store.pruneProcesses(Duration.ofMinutes(-1))).isEqualTo(2);
      assertThat(dead(store, minute)).as("gone rows: their owners are dead").hasSize(2);
    }
  }

  @Test
  void hosts_are_listed_with_their_last_sign_of_life_live_processes_and_runs_under_way() {
    try (Store store = connect()) {
      store.inTransaction(tx -> tx.insert(claim("a"), "nas", 11).orElseThrow());
      store.beat("nas", 11, "0.1.0");
      store.beat("vm2", 22, "0.2.0");
      Duration minute = Duration.ofMinutes(1);
      List<Store.HostSeen> hosts = store.hosts(minute);
      assertThat(hosts).extracting(Store.HostSeen::host).containsExactly("nas", "vm2");
      assertThat(hosts.get(0).liveProcesses()).isEqualTo(1);
      assertThat(hosts.get(0).running()).isEqualTo(1);
      assertThat(hosts.get(0).version()).isEqualTo("0.1.0");
      assertThat(hosts.get(0).silentFor()).isLessThan(minute);
      assertThat(hosts.get(1).running()).isZero();

      store.endBeat("vm2", 22);
      Store.HostSeen vm2 = store.hosts(minute).get(1);
      assertThat(vm2.liveProcesses()).as("ended: seen, not alive").isZero();
      assertThat(vm2.lastSeen()).isNotNull();
      store.endBeat("nas", 11);
      assertThat(dead(store, minute))
          .as("an owner that ended with a run left running is dead")
          .containsExactly(new Store.Owner("nas", 11));
    }
  }

  @Test
  void a_run_already_ended_is_not_ended_again() {
    try (Store store = connect()) {
      store.inTransaction(
          tx -> {
            tx.ensureState("a", FIRE);
            return null;
          });
      long id = run(store, "a", FIRE, RunStatus.SUCCESS);
      assertThat(store.finish(id, end(RunStatus.CRASHED, true)))
          .as("an owner that finds its run taken over is told so")
          .isFalse();
      assertThat(store.find(id).orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
      TaskState state = store.states().get("a");
      assertThat(state.successes()).isEqualTo(1);
      assertThat(state.failures()).isZero();
      assertThat(state.lastRunId()).isEqualTo(id);
    }
  }

  @Test
  void a_state_is_written_over_but_its_outcomes_and_first_window_stay() {
    Instant later = FIRE.plusSeconds(60);
    try (Store store = connect()) {
      store.inTransaction(
          tx -> {
            tx.putState(TaskState.firstSight("a", FIRE, FIRE).withWindowNext(FIRE));
            return null;
          });
      run(store, "a", FIRE, RunStatus.BUSINESS_FAILURE);
      store.inTransaction(
          tx -> {
            tx.putState(
                TaskState.firstSight("a", later, FIRE)
                    .withScheduledRuns(3)
                    .withQuietReason("disabled")
                    .withWindowNext(later));
            tx.ensureState("a", later.plusSeconds(60));
            return null;
          });
      TaskState state = store.states().get("a");
      assertThat(state.watermark()).isEqualTo(later);
      assertThat(state.scheduledRuns()).isEqualTo(3);
      assertThat(state.quietReason()).isEqualTo("disabled");
      assertThat(state.windowNext()).as("planning sets only the first window").isEqualTo(FIRE);
      assertThat(state.failures()).isEqualTo(1);
      assertThat(state.lastStatus()).isEqualTo(RunStatus.BUSINESS_FAILURE);
      assertThat(store.<Boolean>inTransaction(tx -> tx.advanceWindow("a", FIRE, later))).isTrue();
      assertThat(store.<Boolean>inTransaction(tx -> tx.advanceWindow("a", FIRE, later)))
          .as("someone moved it already")
          .isFalse();
      assertThat(store.states().get("a").windowNext()).isEqualTo(later);
    }
  }

  @Test
  void a_task_without_a_state_row_has_its_outcomes_counted_from_its_rows() {
    try (Store store = connect()) {
      run(store, "dep", FIRE, RunStatus.SUCCESS);
      long last = run(store, "dep", FIRE.plusSeconds(60), RunStatus.TIMEOUT);
      assertThat(store.states()).doesNotContainKey("dep");
      assertThat(store.<Outcomes>inTransaction(tx -> tx.outcomesFromRows("dep")))
          .isEqualTo(new Outcomes(1, 1, RunStatus.TIMEOUT, last));
    }
  }

  @Test
  void retries_wait_in_order_once_each_until_removed() {
    PendingRetry late = new PendingRetry("b", FIRE, 2, FIRE.plusSeconds(600));
    PendingRetry soon = new PendingRetry("a", FIRE, 2, FIRE.plusSeconds(60));
    try (Store store = connect()) {
      store.enqueueRetry(late);
      store.enqueueRetry(soon);
      store.enqueueRetry(soon);
      assertThat(store.inTransaction(Store.Tx::retries)).containsExactly(soon, late);
      assertThat(store.<List<PendingRetry>>inTransaction(tx -> tx.dueRetries(FIRE.plusSeconds(60))))
          .containsExactly(soon);
      store.inTransaction(
          tx -> {
            tx.removeRetry(soon);
            return null;
          });
      assertThat(
              store.<List<PendingRetry>>inTransaction(tx -> tx.dueRetries(FIRE.plusSeconds(3600))))
          .containsExactly(late);
    }
  }

  @Test
  void attempts_and_the_last_final_outcome_follow_the_retries() {
    try (Store store = connect()) {
      long first = store.inTransaction(tx -> tx.insert(claim("a", FIRE, 1), "h", 1).orElseThrow());
      store.finish(first, end(RunStatus.TECHNICAL_FAILURE, false));
      long second = store.inTransaction(tx -> tx.insert(claim("a", FIRE, 2), "h", 1).orElseThrow());
      assertThat(store.<Integer>inTransaction(tx -> tx.attempts("a", FIRE))).isEqualTo(2);
      assertThat(store.<Optional<RunRecord>>inTransaction(tx -> tx.lastOutcome("a")))
          .as("an attempt a retry follows is not an outcome")
          .isEmpty();
      assertThat(store.<Long>inTransaction(tx -> tx.lastRunId("a"))).isEqualTo(second);
      store.finish(second, end(RunStatus.SUCCESS, true));
      assertThat(
              store
                  .<Optional<RunRecord>>inTransaction(tx -> tx.lastOutcome("a"))
                  .orElseThrow()
                  .id())
          .isEqualTo(second);
      assertThat(store.recentOutcomes("a", 10)).containsExactly(RunStatus.SUCCESS);
      assertThat(store.<List<RunOutcome>>inTransaction(tx -> tx.latestOutcomes("a", 10)))
          .containsExactly(new RunOutcome(second, RunStatus.SUCCESS, 2.0));
    }
  }

  @Test
  void history_filters_by_task_status_and_time_newest_first_in_pages() {
    try (Store store = connect()) {
      long a1 = run(store, "a", FIRE, RunStatus.SUCCESS);
      long b1 = run(store, "b", FIRE, RunStatus.TIMEOUT);
      long a2 = run(store, "a", FIRE.plusSeconds(60), RunStatus.BUSINESS_FAILURE);
      long a3 =
          store
              .inTransaction(tx -> tx.insert(claim("a", FIRE.plusSeconds(120), 1), "h", 1))
              .orElseThrow();
      assertThat(ids(store.history(new HistoryQuery(null, null, null, 10, 0))))
          .containsExactly(a3, a2, b1, a1);
      assertThat(ids(store.history(new HistoryQuery("a", null, null, 2, 1))))
          .containsExactly(a2, a1);
      assertThat(ids(store.history(new HistoryQuery(null, RunStatus.FAILURES, null, 10, 0))))
          .containsExactly(a2, b1);
      assertThat(ids(store.history(new HistoryQuery(null, null, FIRE.plusSeconds(60), 10, 0))))
          .containsExactly(a3, a2);
      assertThat(ids(store.outcomesSince("a", FIRE, 10))).containsExactly(a2, a1);
      assertThat(ids(store.outcomesSince(null, FIRE.plusSeconds(1), 10))).containsExactly(a2);
    }
  }

  @Test
  void history_filters_by_trigger_and_a_half_open_range_and_counts_what_its_filters_match() {
    try (Store store = connect()) {
      long a1 = run(store, "a", FIRE, RunStatus.SUCCESS);
      long a2 = run(store, "a", FIRE.plusSeconds(60), RunStatus.TIMEOUT);
      long byHand =
          store
              .inTransaction(
                  tx ->
                      tx.insert(
                          new NewRun(
                              "a",
                              RunStatus.RUNNING,
                              FIRE.plusSeconds(120),
                              FIRE.plusSeconds(120),
                              Trigger.MANUAL,
                              1,
                              "{}"),
                          "h",
                          1))
              .orElseThrow();
      run(store, "b", FIRE.plusSeconds(60), RunStatus.CRASHED);
      HistoryQuery manual = new HistoryQuery(null, null, null, 10, 0, null, Set.of(Trigger.MANUAL));
      assertThat(ids(store.history(manual))).containsExactly(byHand);
      assertThat(store.countHistory(manual)).isEqualTo(1);
      HistoryQuery range = new HistoryQuery("a", null, FIRE, 10, 0, FIRE.plusSeconds(120), null);
      assertThat(ids(store.history(range))).containsExactly(a2, a1);
      assertThat(store.countHistory(range)).isEqualTo(2);
      assertThat(store.countHistory(new HistoryQuery(null, null, null, 1, 3))).isEqualTo(4);
      assertThat(store.countHistory(new HistoryQuery(null, RunStatus.FAILURES, null, 1, 0)))
          .isEqualTo(2);
      assertThat(store.countHistory(new HistoryQuery("c", null, null, 10, 0))).isZero();
    }
  }

  @Test
  void pruning_takes_old_ended_rows_oldest_first_and_never_a_running_one() {
    try (Store store = connect()) {
      long old1 = run(store, "a", FIRE, RunStatus.SUCCESS);
      long old2 = run(store, "b", FIRE, RunStatus.SUCCESS);
      long running = store.inTransaction(tx -> tx.insert(claim("c"), "h", 1)).orElseThrow();
      long recent = run(store, "a", FIRE.plusSeconds(86_400), RunStatus.SUCCESS);
      Instant cut = FIRE.plusSeconds(3600);
      assertThat(ids(store.oldRows(cut, 1))).containsExactly(old1);
      assertThat(ids(store.oldRows(cut, 10))).containsExactly(old1, old2);
      store.delete(List.of(old1, old2));
      assertThat(store.oldRows(cut, 10)).isEmpty();
      assertThat(ids(store.history(new HistoryQuery(null, null, null, 10, 0))))
          .containsExactly(recent, running);
      assertThat(store.freeShare()).isBetween(0.0, 1.0);
      store.vacuum();
      assertThat(store.sizeOnDisk()).isPositive();
    }
  }

  @Test
  void a_message_can_be_replaced_after_the_run() {
    try (Store store = connect()) {
      long id = run(store, "a", FIRE, RunStatus.SUCCESS);
      store.setMessage(id, "{\"notified\":[\"mail\"]}");
      assertThat(store.find(id).orElseThrow().message()).isEqualTo("{\"notified\":[\"mail\"]}");
    }
  }

  @Test
  void a_rehearsal_and_a_failed_transaction_leave_nothing() {
    try (Store store = connect()) {
      assertThat(store.<Optional<Long>>rehearse(tx -> tx.insert(claim("a"), "h", 1))).isPresent();
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      tx -> {
                        tx.insert(claim("b"), "h", 1);
                        throw new IllegalStateException("no");
                      }))
          .hasMessage("no");
      assertThat(store.history(new HistoryQuery(null, null, null, 10, 0))).isEmpty();
      assertThat(store.<Optional<Long>>inTransaction(tx -> tx.insert(claim("a"), "h", 1)))
          .as("the rehearsed claim is free")
          .isPresent();
    }
  }

  @Test
  void an_inspection_counts_what_the_tables_hold() {
    try (Store store = connect()) {
      assertThat(store.inspect())
          .isEqualTo(
              new Store.Inspection(store.schemaVersion(), List.of("ok"), 0, 0, null, null, 0, 0));
      run(store, "a", FIRE, RunStatus.SUCCESS);
      store.inTransaction(tx -> tx.insert(claim("b", FIRE.plusSeconds(60), 1), "h", 1));
      store.inTransaction(
          tx -> {
            tx.ensureState("a", FIRE);
            return null;
          });
      store.enqueueRetry(new PendingRetry("a", FIRE, 2, FIRE));
      Store.Inspection inspection = store.inspect();
      assertThat(inspection.intact()).isTrue();
      assertThat(inspection)
          .isEqualTo(
              new Store.Inspection(
                  store.schemaVersion(), List.of("ok"), 2, 1, FIRE, FIRE.plusSeconds(60), 1, 1));
    }
  }

  private static boolean cancel(Store store, long id) {
    Boolean marked = store.inTransaction(tx -> tx.requestCancel(id));
    return marked;
  }

  @Test
  void a_cancel_marks_only_a_running_row_and_every_connection_sees_it() {
    try (Store one = connect();
        Store two = connect()) {
      long running = one.inTransaction(tx -> tx.insert(claim("a"), "h", 1).orElseThrow());
      long ended = run(one, "b", FIRE, RunStatus.SUCCESS);
      assertThat(cancel(one, running)).isTrue();
      assertThat(cancel(one, running)).isTrue();
      assertThat(cancel(one, ended)).isFalse();
      assertThat(cancel(one, 999)).isFalse();
      assertThat(two.cancelRequested()).containsExactly(running);
      assertThat(two.<Set<Long>>inTransaction(Store.Tx::cancelRequested)).containsExactly(running);
      one.finish(running, end(RunStatus.CANCELLED, true));
      assertThat(two.cancelRequested()).isEmpty();
      RunRecord row = two.find(running).orElseThrow();
      assertThat(row.status()).isEqualTo(RunStatus.CANCELLED);
    }
  }

  @Test
  void a_cancelled_run_counts_as_neither_a_success_nor_a_failure() {
    try (Store store = connect()) {
      long id =
          store.inTransaction(
              tx -> {
                tx.ensureState("a", FIRE);
                return tx.insert(claim("a"), "h", 1).orElseThrow();
              });
      store.finish(id, end(RunStatus.CANCELLED, true));
      TaskState state = store.states().get("a");
      assertThat(state.successes()).isZero();
      assertThat(state.failures()).isZero();
      assertThat(state.lastStatus()).isEqualTo(RunStatus.CANCELLED);
    }
  }

  @Test
  void a_watcher_reads_the_rows_after_an_id_and_those_it_names() {
    try (Store store = connect()) {
      long first = run(store, "a", FIRE, RunStatus.SUCCESS);
      long second =
          store.inTransaction(
              tx -> tx.insert(claim("b", FIRE.plusSeconds(60), 1), "h", 1).orElseThrow());
      long third = run(store, "c", FIRE.plusSeconds(120), RunStatus.TIMEOUT);
      assertThat(ids(store.newOrAmong(0, List.of()))).containsExactly(first, second, third);
      assertThat(ids(store.newOrAmong(third, List.of()))).isEmpty();
      assertThat(ids(store.newOrAmong(second, List.of(first)))).containsExactly(first, third);
      assertThat(store.newOrAmong(third, List.of(second)).get(0).status())
          .isEqualTo(RunStatus.RUNNING);
    }
  }

  @Test
  void states_are_read_in_and_out_of_a_transaction_alike() {
    try (Store store = connect()) {
      store.inTransaction(
          tx -> {
            tx.putState(TaskState.firstSight("甲", FIRE, FIRE));
            tx.putState(TaskState.firstSight("b", FIRE, FIRE));
            return null;
          });
      Map<String, TaskState> states = store.states();
      assertThat(states.keySet()).containsExactlyInAnyOrder("甲", "b");
      assertThat(store.inTransaction(Store.Tx::states)).isEqualTo(states);
    }
  }

  private static List<Long> ids(List<RunRecord> rows) {
    return rows.stream().map(RunRecord::id).toList();
  }

  WebToken token(String name, String hash) {
    return new WebToken(name, "read", hash, FIRE, null);
  }

  @Test
  void a_token_is_kept_by_its_hash_once_per_name_and_revoked_by_name() {
    try (Store one = connect();
        Store two = connect()) {
      assertThat(one.addToken(token("ci", "aa11"))).isTrue();
      assertThat(two.addToken(token("ci", "bb22"))).as("the name is taken").isFalse();
      assertThat(two.addToken(new WebToken("甲", "admin", "cc33", FIRE.plusSeconds(1), null)))
          .isTrue();
      assertThat(one.tokens())
          .extracting(WebToken::name, WebToken::scope, WebToken::hash)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ci", "read", "aa11"),
              org.assertj.core.groups.Tuple.tuple("甲", "admin", "cc33"));
      assertThat(two.tokenByHash("aa11")).hasValue(token("ci", "aa11"));
      assertThat(two.tokenByHash("bb22")).isEmpty();

      one.tokenUsed("ci", FIRE.plusSeconds(60));
      assertThat(two.tokenByHash("aa11").orElseThrow().lastUsedAt())
          .isEqualTo(FIRE.plusSeconds(60));

      assertThat(two.revokeToken("ci")).isTrue();
      assertThat(one.revokeToken("ci")).as("already gone").isFalse();
      assertThat(one.tokenByHash("aa11")).isEmpty();
      assertThat(one.tokens()).extracting(WebToken::name).containsExactly("甲");
    }
  }

  @Test
  void the_audit_table_pages_newest_first_with_its_total() {
    try (Store store = connect()) {
      assertThat(store.countAudit()).isZero();
      for (int i = 0; i < 5; i++) {
        store.audit(
            new AuditEntry(
                FIRE.plusSeconds(i),
                "ci",
                "192.0.2.7",
                "POST /api/v1/tasks/t" + i + "/run",
                i == 4 ? null : "t" + i,
                202));
      }
      assertThat(store.countAudit()).isEqualTo(5);
      assertThat(store.audit(2, 0))
          .containsExactly(
              new AuditEntry(
                  FIRE.plusSeconds(4), "ci", "192.0.2.7", "POST /api/v1/tasks/t4/run", null, 202),
              new AuditEntry(
                  FIRE.plusSeconds(3), "ci", "192.0.2.7", "POST /api/v1/tasks/t3/run", "t3", 202));
      assertThat(store.audit(2, 4)).extracting(AuditEntry::target).containsExactly("t0");
      assertThat(store.audit(2, 6)).isEmpty();
    }
  }
}
