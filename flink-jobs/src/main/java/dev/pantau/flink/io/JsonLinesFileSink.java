package dev.pantau.flink.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes one JSON line per record to one file, in arrival order: the single ordered writer that makes
 * replay output byte-identical. Must run with parallelism 1. For bounded runs only: it truncates the
 * file when it opens and does not take part in checkpoints.
 */
public final class JsonLinesFileSink implements Sink<KeyedJson> {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final boolean sorted;

  public JsonLinesFileSink(Path path) {
    this(path, false);
  }

  /**
   * @param sorted buffer every record and write them at the end in {@link KeyedJson#sortKey} order: for
   *     outputs whose arrival order depends on how the inputs of a multi-input operator interleave
   */
  public JsonLinesFileSink(Path path, boolean sorted) {
    this.path = path.toAbsolutePath().toString();
    this.sorted = sorted;
  }

  @Override
  public SinkWriter<KeyedJson> createWriter(WriterInitContext context) throws IOException {
    if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
      throw new IllegalStateException("JsonLinesFileSink must run with parallelism 1");
    }
    Path p = Paths.get(path);
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
    return new Writer(Files.newBufferedWriter(p, StandardCharsets.UTF_8), sorted);
  }

  private static final class Writer implements SinkWriter<KeyedJson> {
    private final BufferedWriter out;
    private final java.util.List<KeyedJson> buffer;

    Writer(BufferedWriter out, boolean sorted) {
      this.out = out;
      this.buffer = sorted ? new java.util.ArrayList<>() : null;
    }

    @Override
    public void write(KeyedJson element, Context context) throws IOException {
      if (buffer != null) {
        buffer.add(element);
        return;
      }
      out.write(element.json);
      out.write('\n');
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      if (buffer != null && endOfInput) {
        buffer.sort(java.util.Comparator.comparing((KeyedJson k) -> k.sortKey).thenComparing(k -> k.json));
        for (KeyedJson k : buffer) {
          out.write(k.json);
          out.write('\n');
        }
        buffer.clear();
      }
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
