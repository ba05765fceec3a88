package dev.runner.task.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.task.Task;
import dev.runner.task.TaskResult;
import dev.runner.task.TaskResult.Outcome;
import dev.runner.task.TestFields;
import dev.runner.task.TestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup} with real files and a live SQLite database. */
class BackupTaskTest {

  @TempDir Path home;

  static Map<String, byte[]> untar(Path archive) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(Files.newInputStream(archive)), "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.put(entry.getName(), tar.readAllBytes());
      }
    }
    return entries;
  }

  static Map<String, byte[]> unzip(Path archive) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(Files.newInputStream(archive), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  Path[] archives(String dest) throws Exception {
    try (Stream<Path> list = Files.list(home.resolve(dest))) {
      return list.sorted().toArray(Path[]::new);
    }
  }

  static Task backup(String name, String fields) {
    return TestFields.of(name, fields).configure(new BackupTaskType());
  }

  @Test
  void files_folders_and_a_live_database_are_archived_consistently() throws Exception {
    Files.createDirectories(home.resolve("笔记/2026"));
    Files.writeString(home.resolve("笔记/2026/十一月.md"), "# 日记\n");
    Files.writeString(home.resolve("todo.txt"), "buy milk\n");
    Path db = home.resolve("app.db");
    try (Connection live = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = live.createStatement()) {
      statement.execute("PRAGMA journal_mode = WAL");
      statement.execute("CREATE TABLE t (n INTEGER)");
      statement.execute("BEGIN");
      for (int i = 0; i < 1000; i++) {
        statement.execute("INSERT INTO t VALUES (" + i + ")");
      }
      statement.execute("COMMIT");
      // an open write transaction during the backup: its rows must not be in the copy
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("INSERT INTO t VALUES (-1)");

      Task backup =
          backup(
              "nightly",
              """
              {"paths": ["笔记", "todo.txt", "app.db"], "dest": "backups"}
              """);
      TestRun run = TestRun.of("nightly").home(home);
      TaskResult result = backup.run(run);
      assertThat(result.outcome()).as(result + "\n" + run.output()).isEqualTo(Outcome.SUCCESS);
      statement.execute("ROLLBACK");
      assertThat(result.details()).containsEntry("files", 3).containsEntry("databases", 1);
    }
    Path[] archives = archives("backups");
    assertThat(archives).hasSize(1);
    assertThat(archives[0].getFileName().toString()).matches("nightly-20261123-100000\\.tar\\.gz");
    // it holds .env and the database: its owner's alone, whatever the umask
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archives[0])))
        .isEqualTo("rw-------");
    Map<String, byte[]> entries = untar(archives[0]);
    assertThat(entries.keySet()).containsExactly("笔记/2026/十一月.md", "todo.txt", "app.db");
    assertThat(new String(entries.get("笔记/2026/十一月.md"), StandardCharsets.UTF_8))
        .isEqualTo("# 日记\n");
    Path restored = home.resolve("restored.db");
    Files.write(restored, entries.get("app.db"));
    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + restored);
        Statement statement = copy.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*), min(n) FROM t")) {
      assertThat(count.getInt(1)).isEqualTo(1000);
      assertThat(count.getInt(2)).isZero();
    }
  }

  @Test
  void only_the_last_archives_are_kept_and_nothing_else_is_touched() throws Exception {
    Files.writeString(home.resolve("data.txt"), "x");
    Files.createDirectories(home.resolve("backups"));
    Files.writeString(home.resolve("backups/keep-me.tar.gz"), "not ours");
    Files.writeString(home.resolve("backups/other-20200101-000000.tar.gz"), "another task's");
    Task backup =
        backup(
            "b",
            """
            {"paths": ["data.txt"], "dest": "backups", "keep": 2, "format": "zip"}
            """);
    TaskResult last = null;
    long runId = 1;
    for (String at :
        new String[] {"2026-11-21T10:00:00Z", "2026-11-22T10:00:00Z", "2026-11-23T10:00:00Z"}) {
      last = backup.run(TestRun.of("b").home(home).at(at).runId(runId++));
      assertThat(last.outcome()).as(last.toString()).isEqualTo(Outcome.SUCCESS);
    }
    assertThat(archives("backups"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "b-20261122-100000.zip",
            "b-20261123-100000.zip",
            "keep-me.tar.gz",
            "other-20200101-000000.tar.gz");
    assertThat(last.details().get("removed").toString()).contains("b-20261121-100000.zip");
    assertThat(unzip(home.resolve("backups/b-20261123-100000.zip"))).containsOnlyKeys("data.txt");
  }

  @Test
  void runs_in_the_same_second_each_keep_their_archive_and_keep_still_counts_them()
      throws Exception {
    Task backup = backup("b", "{\"paths\": [\"data.txt\"], \"dest\": \"backups\", \"keep\": 2}");
    TaskResult last = null;
    long runId = 1;
    for (String data : new String[] {"one", "two", "three"}) {
      Files.writeString(home.resolve("data.txt"), data);
      // the same scheduled instant: one second
      last = backup.run(TestRun.of("b").home(home).runId(runId++));
      assertThat(last.outcome()).as(last.toString()).isEqualTo(Outcome.SUCCESS);
    }
    assertThat(archives("backups"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("b-20261123-100000-2.tar.gz", "b-20261123-100000-3.tar.gz");
    assertThat(untar(home.resolve("backups/b-20261123-100000-2.tar.gz")).get("data.txt"))
        .isEqualTo("two".getBytes(StandardCharsets.UTF_8));
    assertThat(untar(home.resolve("backups/b-20261123-100000-3.tar.gz")).get("data.txt"))
        .isEqualTo("three".getBytes(StandardCharsets.UTF_8));
    assertThat(last.details().get("removed").toString()).contains("b-20261123-100000.tar.gz");
  }

  @Test
  void a_missing_path_is_a_business_failure_and_fields_are_checked() throws Exception {
    TaskResult missing =
        backup("b", "{\"paths\": [\"nope\"], \"dest\": \"out\"}").run(TestRun.of("b").home(home));
    assertThat(missing.outcome()).isEqualTo(Outcome.BUSINESS_FAILURE);
    List<String> problems =
        TestFields.of("b", "{\"format\": \"rar\", \"keep\": 0}").problems(new BackupTaskType());
    assertThat(String.join("\n", problems))
        .contains("b.paths: a backup needs paths")
        .contains("b.dest: a backup needs a dest folder")
        .contains("b.keep: keep at least one archive")
        .contains("b.format: 'rar' is not tar.gz or zip");
  }
}
