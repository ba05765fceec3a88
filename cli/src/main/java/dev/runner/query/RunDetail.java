package dev.runner.query;

import dev.runner.config.Settings;
import dev.runner.engine.RunMessage;
import dev.runner.engine.TaskFiles;
import dev.runner.store.RunRecord;
import dev.runner.store.Store;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run as {@code runner logs} and the console's run page show it: its row, its message read into
 * a {@link RunMessage}, and where its full output is kept (made at its first line, so a silent run
 * has none).
 */
public record RunDetail(RunRecord row, RunMessage message, Path logFile) {

  public static Optional<RunDetail> read(Store store, Settings settings, long id) {
    return store
        .find(id)
        .map(
            row ->
                new RunDetail(
                    row,
                    RunMessage.parse(row.message()),
                    TaskFiles.runLog(settings.logDir(), row.taskName(), row.id())));
  }
}
