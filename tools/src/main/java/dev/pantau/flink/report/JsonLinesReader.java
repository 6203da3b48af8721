package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a replay output file line by line; a line that is not what the caller expects names its
 * file and line.
 */
final class JsonLinesReader {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What to do with one parsed line. */
  interface LineHandler {
    void handle(JsonNode line) throws IOException;
  }

  private JsonLinesReader() {}

  /** The lines of {@code file} as records, parsed on every core by {@link #forEachParsed}. */
  static JsonRecords of(Path file) {
    return new JsonRecords() {
      @Override
      public void forEachText(String what, TextHandler handler)
          throws IOException, ReportInputException {
        read(file, what, handler);
      }

      @Override
      public <T> void forEachParsed(String what, Parser<T> parser, Sink<T> sink)
          throws IOException, ReportInputException {
        readParallel(file, what, parser, sink);
      }
    };
  }

  private static final int BATCH = 2048;
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** A batch of lines, its first line's number, and what its lines parsed to. */
  private record Batch<T>(int firstLine, List<String> lines, Future<List<T>> parsed) {}

  /**
   * As {@link #read}, parsing on {@link #THREADS} threads while this one reads: parsing JSON, not
   * reading the file, is what a report of a month spends its time on. Values reach {@code sink} in
   * file order, on this thread; a line that does not parse fails with its file and line.
   */
  static <T> void readParallel(
      Path file, String what, JsonRecords.Parser<T> parser, JsonRecords.Sink<T> sink)
      throws IOException, ReportInputException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "report-parse");
              t.setDaemon(true);
              return t;
            });
    ArrayDeque<Batch<T>> pending = new ArrayDeque<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      List<String> lines = new ArrayList<>(BATCH);
      int number = 0;
      int first = 1;
      String line;
      while ((line = in.readLine()) != null) {
        number++;
        lines.add(line);
        if (lines.size() == BATCH) {
          pending.add(submit(pool, first, lines, parser));
          lines = new ArrayList<>(BATCH);
          first = number + 1;
          // bounded: a few batches in flight per thread, not the whole file in memory
          while (pending.size() > 4 * THREADS) {
            drain(pending.poll(), file, what, parser, sink);
          }
        }
      }
      if (!lines.isEmpty()) {
        pending.add(submit(pool, first, lines, parser));
      }
      while (!pending.isEmpty()) {
        drain(pending.poll(), file, what, parser, sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Batch<T> submit(
      ExecutorService pool, int first, List<String> lines, JsonRecords.Parser<T> parser) {
    return new Batch<>(
        first,
        lines,
        pool.submit(
            () -> {
              List<T> out = new ArrayList<>(lines.size());
              for (String l : lines) {
                if (l.isBlank()) {
                  out.add(null);
                  continue;
                }
                try {
                  out.add(parser.parse(l));
                } catch (IOException | RuntimeException e) {
                  // the batch stops here; the reading thread re-parses to name the line
                  return out;
                }
              }
              return out;
            }));
  }

  private static <T> void drain(
      Batch<T> batch,
      Path file,
      String what,
      JsonRecords.Parser<T> parser,
      JsonRecords.Sink<T> sink)
      throws IOException, ReportInputException {
    List<T> parsed;
    try {
      parsed = batch.parsed().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    for (int i = 0; i < parsed.size(); i++) {
      if (parsed.get(i) != null) {
        sink.accept(parsed.get(i));
      }
    }
    if (parsed.size() < batch.lines().size()) {
      int bad = parsed.size();
      try {
        parser.parse(batch.lines().get(bad));
        throw new IllegalStateException("failed on another thread only");
      } catch (IOException | RuntimeException e) {
        throw new ReportInputException(
            file + ":" + (batch.firstLine() + bad) + ": not " + what + " (" + e.getMessage() + ")");
      }
    }
  }

  /**
   * Hands every non-blank line of {@code file} to {@code handler}; a line that is not JSON, or that
   * the handler cannot read, fails with "FILE:LINE: not WHAT (why)".
   */
  static void read(Path file, String what, JsonRecords.TextHandler handler)
      throws IOException, ReportInputException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          handler.handle(line);
        } catch (IOException | RuntimeException e) {
          throw new ReportInputException(
              file + ":" + number + ": not " + what + " (" + e.getMessage() + ")");
        }
      }
    }
  }
}
