package dev.pantau.flink.cli;

import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.KeywordSetLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Publishes the {@code --keywords} files to the {@code keyword-sets} topic at start and whenever
 * they change (SPEC §2). A change that does not validate is reported and not published: the job
 * keeps the last good set. Polls modification times, which works on every file system (watch
 * services miss edits on some).
 */
final class KeywordFileWatcher implements AutoCloseable {
  static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

  private final Path path;
  private final KeywordSetPublisher publisher;
  private final PrintStream err;
  private final Thread thread;
  private volatile boolean running = true;
  private long lastStamp;

  KeywordFileWatcher(Path path, KeywordSetPublisher publisher, PrintStream err) {
    this.path = path;
    this.publisher = publisher;
    this.err = err;
    this.thread = new Thread(this::loop, "pantau-keyword-watcher");
    this.thread.setDaemon(true);
  }

  /** Publishes the current files (the caller already validated them) and starts watching. */
  void start(KeywordSet initial) {
    lastStamp = stamp();
    int sent = publisher.publish(initial);
    err.printf(
        "Keyword sets: %d brands, %d topics from %s (%d updates published)%n",
        initial.brands().size(), initial.topics().size(), path, sent);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
        long now = stamp();
        if (now != lastStamp) {
          lastStamp = now;
          try {
            KeywordSet set = KeywordSetLoader.load(path);
            int sent = publisher.publish(set);
            err.printf(
                "Keyword sets changed: %d updates published (%d brands, %d topics)%n",
                sent, set.brands().size(), set.topics().size());
          } catch (KeywordSetException e) {
            err.println(
                "Keyword sets changed but are invalid; the last good set stays active:\n"
                    + e.getMessage());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        err.println("Could not publish keyword sets: " + e.getMessage());
      }
    }
  }

  /** A fingerprint of the files' names, sizes and modification times. */
  private long stamp() {
    try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .mapToLong(
              p -> {
                try {
                  return p.toString().hashCode() * 31L
                      + Files.getLastModifiedTime(p).toMillis() * 17L
                      + Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    publisher.close();
  }
}
