package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
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

  /** About two thousand KPI records: a batch per task, a few in flight per thread. */
  private static final int BLOCK = 1 << 20;

  private static final int THREADS = ReportThreads.CORES;

  /**
   * The whole lines of a block of the file, {@code bytes[0, length)}: line {@code i} is {@code
   * bytes[starts[i], ends[i])}, without its line break. Cut into lines by the thread that parses
   * them: finding every line break of a gigabyte is work too.
   */
  private static final class Lines {
    final byte[] bytes;
    int[] starts = new int[64];
    int[] ends = new int[64];
    int count;

    Lines(byte[] bytes, int length) {
      this.bytes = bytes;
      int from = 0;
      while (from < length) {
        int nl = indexOf(bytes, (byte) '\n', from, length);
        int end = nl < 0 ? length : nl;
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = from;
        // a CRLF file: the CR is not part of the record
        ends[count] = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
        count++;
        from = end + 1;
      }
    }

    int length(int i) {
      return ends[i] - starts[i];
    }

    boolean blank(int i) {
      for (int j = starts[i]; j < ends[i]; j++) {
        if (bytes[j] != ' ' && bytes[j] != '\t' && bytes[j] != '\r') {
          return false;
        }
      }
      return true;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
      for (int i = from; i < to; i++) {
        if (b[i] == c) {
          return i;
        }
      }
      return -1;
    }
  }

  /** A block's lines and what they parsed to (all of them, or up to the first that fails). */
  private record Parsed<T>(Lines lines, List<T> values) {}

  /**
   * As {@link #read}, parsing on {@link #THREADS} threads while this one reads: parsing JSON, not
   * reading the file, is what a report of a month spends its time on. The file is read in blocks of
   * bytes and each line handed to the parser as bytes, never decoded into a string unless the
   * parser asks. Values reach {@code sink} in file order, on this thread; a line that does not
   * parse fails with its file and line.
   */
  static <T> void readParallel(
      Path file, String what, JsonRecords.Parser<T> parser, JsonRecords.Sink<T> sink)
      throws IOException, ReportInputException {
    readParallel(file, what, parser, sink, BLOCK);
  }

  /** As above, in blocks of {@code blockSize} bytes (tests cut lines across blocks). */
  static <T> void readParallel(
      Path file, String what, JsonRecords.Parser<T> parser, JsonRecords.Sink<T> sink, int blockSize)
      throws IOException, ReportInputException {
    ExecutorService pool = ReportThreads.pool("report-parse", THREADS);
    ArrayDeque<Future<Parsed<T>>> pending = new ArrayDeque<>();
    int[] nextLine = {1};
    try (InputStream in = Files.newInputStream(file)) {
      BlockReader blocks = new BlockReader(in, blockSize);
      byte[] block;
      while ((block = blocks.next()) != null) {
        pending.add(submit(pool, block, blocks.length(), parser));
        // bounded: a few blocks in flight per thread, not the whole file in memory
        while (pending.size() > 4 * THREADS) {
          blocks.reuse(drain(pending.poll(), nextLine, file, what, parser, sink));
        }
      }
      while (!pending.isEmpty()) {
        drain(pending.poll(), nextLine, file, what, parser, sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Cuts a stream into blocks that end at a line break; a longer line makes a bigger block. */
  static final class BlockReader {
    private final InputStream in;
    private final int blockSize;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private byte[] carry = new byte[0];
    private int carried;
    private int length;
    private boolean eof;

    BlockReader(InputStream in, int blockSize) {
      this.in = in;
      this.blockSize = blockSize;
    }

    /** The next block, whole lines in its first {@link #length()} bytes; null at the end. */
    byte[] next() throws IOException {
      if (eof && carried == 0) {
        return null;
      }
      byte[] buf = free.isEmpty() ? null : free.poll();
      if (buf == null || buf.length < carried * 2) {
        buf = new byte[Math.max(blockSize, carried * 2)];
      }
      System.arraycopy(carry, 0, buf, 0, carried);
      int len = carried;
      int lastBreak = -1;
      while (!eof && (len < buf.length || lastBreak < 0)) {
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          eof = true;
        } else {
          int before = len;
          len += n;
          int b = lastBreak(buf, before, len);
          lastBreak = b >= 0 ? b : lastBreak;
        }
      }
      // what follows the last line break waits for the next block, unless the file ends there
      int whole = eof ? len : lastBreak + 1;
      carried = len - whole;
      carry = carried == 0 ? carry : Arrays.copyOfRange(buf, whole, len);
      length = whole;
      return buf;
    }

    int length() {
      return length;
    }

    /**
     * Takes back a block whose lines are done with, to read into again: a gigabyte of fresh blocks
     * was zeroed and collected for nothing.
     */
    void reuse(byte[] block) {
      if (block.length == blockSize) {
        free.add(block);
      }
    }

    private static int lastBreak(byte[] b, int from, int to) {
      for (int i = to - 1; i >= from; i--) {
        if (b[i] == '\n') {
          return i;
        }
      }
      return -1;
    }
  }

  private static <T> Future<Parsed<T>> submit(
      ExecutorService pool, byte[] block, int length, JsonRecords.Parser<T> parser) {
    return pool.submit(
        () -> {
          Lines lines = new Lines(block, length);
          List<T> out = new ArrayList<>(lines.count);
          for (int i = 0; i < lines.count; i++) {
            if (lines.blank(i)) {
              out.add(null);
              continue;
            }
            try {
              out.add(parser.parse(lines.bytes, lines.starts[i], lines.length(i)));
            } catch (IOException | RuntimeException e) {
              // the block stops here; the reading thread re-parses to name the line
              break;
            }
          }
          return new Parsed<>(lines, out);
        });
  }

  /** Hands a parsed block's values to {@code sink}; returns the block's bytes, done with. */
  private static <T> byte[] drain(
      Future<Parsed<T>> block,
      int[] nextLine,
      Path file,
      String what,
      JsonRecords.Parser<T> parser,
      JsonRecords.Sink<T> sink)
      throws IOException, ReportInputException {
    Parsed<T> parsed;
    try {
      parsed = block.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    List<T> values = parsed.values();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        sink.accept(values.get(i));
      }
    }
    Lines lines = parsed.lines();
    if (values.size() < lines.count) {
      int bad = values.size();
      try {
        parser.parse(lines.bytes, lines.starts[bad], lines.length(bad));
        throw new IllegalStateException("failed on another thread only");
      } catch (IOException | RuntimeException e) {
        throw new ReportInputException(
            file + ":" + (nextLine[0] + bad) + ": not " + what + " (" + e.getMessage() + ")");
      }
    }
    nextLine[0] += lines.count;
    return lines.bytes;
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
