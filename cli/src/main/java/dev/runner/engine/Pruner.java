package dev.runner.engine;

import dev.runner.store.PrivateFiles;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Retention: history rows older than {@code RUNNER_HISTORY_DAYS} and their run logs go, in batches,
 * running rows staying; audit entries older than {@code RUNNER_AUDIT_DAYS} (longer by default: who
 * changed what is asked about long after the runs are gone). A VACUUM follows when a quarter or
 * more of the file came free.
 */
public final class Pruner {

  private static final int BATCH = 5_000;
  private static final double VACUUM_AT = 0.25;

  private final Store store;
  private final Path logDir;

  public Pruner(Store store, Path logDir) {
    this.store = store;
    this.logDir = logDir;
  }

  /**
   * Retention applied once a day (UTC) by whichever tick or daemon pass comes first; the day is
   * remembered in {@code marker}. A failure waits for the next day's try: the runs matter more.
   */
  public static void daily(
      Store store, Path logDir, Path marker, Instant now, int historyDays, int auditDays) {
    String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    try {
      if (Files.exists(marker) && Files.readString(marker).strip().equals(today)) {
        return;
      }
      new Pruner(store, logDir)
          .prune(
              now.minus(Duration.ofDays(historyDays)),
              now.minus(Duration.ofDays(auditDays)),
              rows -> {});
      PrivateFiles.write(marker, today + "\n");
    } catch (IOException | RuntimeException e) {
      // retention waits for the next try
    }
  }

  /** What a prune removed. */
  public record Result(
      long rows, long logFiles, long bytesFreed, boolean vacuumed, long auditEntries) {}

  /** Removes history started before {@code before} and audit entries made before {@code audit}. */
  public Result prune(Instant before, Instant audit, IntConsumer progress) throws IOException {
    long rows = 0;
    long files = 0;
    long bytes = 0;
    long sizeBefore = store.sizeOnDisk();
    while (true) {
      List<RunRecord> batch = store.oldRows(before, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (RunRecord row : batch) {
        Path log = TaskFiles.runLog(logDir, row.taskName(), row.id());
        long size = Files.exists(log) ? Files.size(log) : 0;
        if (Files.deleteIfExists(log)) {
          files++;
          bytes += size;
        }
      }
      store.delete(batch.stream().map(RunRecord::id).toList());
      rows += batch.size();
      progress.accept((int) rows);
    }
    long audited = store.pruneAudit(audit);
    store.pruneProcesses(Duration.ofDays(1)); // the rows of processes killed long ago
    boolean vacuumed = false;
    if (rows + audited > 0 && store.freeShare() >= VACUUM_AT) {
      store.vacuum();
      vacuumed = true;
    }
    bytes += Math.max(0, sizeBefore - store.sizeOnDisk());
    return new Result(rows, files, bytes, vacuumed, audited);
  }
}
