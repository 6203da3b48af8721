package dev.pantau.flink.report;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The worker threads a report reads and writes on, and waiting for their work. */
final class ReportThreads {
  /** One a core: parsing and formatting a month are CPU-bound. */
  static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

  private ReportThreads() {}

  /** Daemon threads, so a report that fails never waits for its workers to exit. */
  static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** The task's result; its runtime exception as thrown, anything else as an IOException. */
  static <T> T await(Future<T> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }
}
