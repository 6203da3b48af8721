package dev.pantau.flink.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code ./pantau} as a user runs it: a child process of the repository's own script (with the
 * build that {@code mvn verify} made, so {@code PANTAU_SKIP_BUILD=1}), its terminal output kept in
 * a file.
 */
final class PantauProcess implements AutoCloseable {
  /**
   * The repository root: the working folder of a benchmark, or the parent of the module tests run
   * in.
   */
  static final Path ROOT =
      Files.exists(Paths.get("pantau").toAbsolutePath())
          ? Paths.get("").toAbsolutePath()
          : Paths.get("").toAbsolutePath().getParent();

  private final Process process;
  private final Path stderr;

  private PantauProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  /** Deletes a test's work folder, if there is one. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static PantauProcess start(Path logDir, String name, String... args) throws IOException {
    Files.createDirectories(logDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("pantau").toString());
    cmd.addAll(List.of(args));
    Path err = logDir.resolve(name + ".stderr.txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(ROOT.toFile())
            .redirectError(err.toFile())
            .redirectOutput(logDir.resolve(name + ".stdout.txt").toFile());
    pb.environment().put("PANTAU_SKIP_BUILD", "1");
    pb.environment().put("JAVA_OPTS", "-Xmx1g");
    return new PantauProcess(pb.start(), err);
  }

  String stderr() {
    try {
      return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Waits for a line of the terminal output to match; fails with what it printed if none does in
   * time.
   */
  void awaitLine(String regex, Duration timeout) throws InterruptedException {
    Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (p.matcher(stderr()).find()) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "pantau exited with "
                + process.exitValue()
                + " before printing /"
                + regex
                + "/:\n"
                + stderr());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no line /" + regex + "/ within " + timeout + ":\n" + stderr());
  }

  /**
   * The exit status, waiting at most {@code timeout}; fails when the process is still running then.
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("pantau still running after " + timeout + ":\n" + stderr());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** kill -9: no shutdown hook, no savepoint, nothing flushed. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, what a service manager sends to stop. */
  void term() {
    process.destroy();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
