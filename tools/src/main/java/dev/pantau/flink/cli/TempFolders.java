package dev.pantau.flink.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gives each job-running command ({@code replay}, {@code demo}, {@code run}) its own temporary
 * folder, {@code pantau-<pid>} inside {@code java.io.tmpdir} ({@code .pantau/tmp} under {@code
 * ./pantau}), and makes it Flink's: Flink leaves unpacked RPC jars, blob stores and mini-cluster
 * folders behind, which grew to gigabytes over many runs. The folder is deleted when the command
 * returns; a process killed before that leaves it, and the next command deletes every {@code
 * pantau-<pid>} folder whose process is gone. Nothing is deleted on a signal: {@code run} takes its
 * savepoint then.
 */
final class TempFolders {
  static final String PREFIX = "pantau-";
  private static final String TMPDIR = "java.io.tmpdir";

  private final Path folder;
  private final String previous;

  private TempFolders(Path folder, String previous) {
    this.folder = folder;
    this.previous = previous;
  }

  /**
   * Removes stale folders, creates this process's and points {@code java.io.tmpdir} at it. Must run
   * before Flink's classes load: Flink reads the property once.
   */
  static TempFolders claim() throws IOException {
    String previous = System.getProperty(TMPDIR);
    Path base = Paths.get(previous);
    removeStale(base);
    Path mine = base.resolve(PREFIX + ProcessHandle.current().pid());
    Files.createDirectories(mine);
    System.setProperty(TMPDIR, mine.toString());
    return new TempFolders(mine, previous);
  }

  Path folder() {
    return folder;
  }

  /** Deletes this process's folder and restores {@code java.io.tmpdir}. */
  void release() {
    System.setProperty(TMPDIR, previous);
    deleteTree(folder);
  }

  /**
   * Deletes the {@code pantau-<pid>} folders of {@code base} whose process is no longer alive;
   * returns how many.
   */
  static int removeStale(Path base) throws IOException {
    if (!Files.isDirectory(base)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
      for (Path d : dirs) {
        Optional<Long> pid = pidOf(d.getFileName().toString());
        if (pid.isPresent() && Files.isDirectory(d) && !alive(pid.get())) {
          deleteTree(d);
          removed++;
        }
      }
    }
    return removed;
  }

  private static Optional<Long> pidOf(String name) {
    try {
      return Optional.of(Long.parseLong(name.substring(PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean alive(long pid) {
    return pid == ProcessHandle.current().pid()
        || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // a file still open elsewhere: left for the next start's clean-up
      System.err.println("pantau: could not delete all of " + root + ": " + e.getMessage());
    }
  }
}
