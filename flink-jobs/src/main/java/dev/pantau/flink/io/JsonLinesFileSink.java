package dev.pantau.flink.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes one JSON line per record to one file, in arrival order: the single ordered writer that
 * makes replay output byte-identical. Must run with parallelism 1. For bounded runs only: it
 * truncates the file when it opens and does not take part in checkpoints. Records that carry a
 * {@link KeyedJson#sortKey} are held and written at the end of input, in that order.
 */
public final class JsonLinesFileSink implements Sink<KeyedJson> {
  private static final long serialVersionUID = 1L;
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(JsonLinesFileSink.class);
  private final String path;
  private final boolean sorted;

  public JsonLinesFileSink(Path path) {
    this(path, false);
  }

  /**
   * @param sorted buffer every record and write them at the end in {@link KeyedJson#sortKey} order:
   *     for outputs whose arrival order depends on how the inputs of a multi-input operator
   *     interleave
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
    return new Writer(
        new BufferedOutputStream(Files.newOutputStream(p), 1 << 16),
        sorted,
        p.getFileName().toString());
  }

  /**
   * Each record is encoded whole before a byte of it is written, so a record that cannot be encoded
   * can never leave half a line, or splice into another record's line (a shared character encoder
   * fails for the whole buffer at once).
   */
  private static final class Writer implements SinkWriter<KeyedJson> {
    private final OutputStream out;
    private final boolean sorted;
    private final String file;
    private final List<KeyedJson> buffer = new ArrayList<>();
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    Writer(OutputStream out, boolean sorted, String file) {
      this.out = out;
      this.sorted = sorted;
      this.file = file;
    }

    @Override
    public void write(KeyedJson element, Context context) throws IOException {
      // records with a sort key (alerts; dead letters of outputs) are written at the end in order
      if (sorted || element.sortKey != null) {
        buffer.add(element);
        return;
      }
      writeLine(element.json);
    }

    private void writeLine(String json) throws IOException {
      ByteBuffer bytes;
      try {
        bytes = encoder.reset().encode(CharBuffer.wrap(json));
      } catch (CharacterCodingException e) {
        // GuardOutput sends such records to the dead-letter output first: this is the last defence
        LOG.error(
            "{}: a record is not valid Unicode; written with U+FFFD in place of the bad chars",
            file);
        bytes = ByteBuffer.wrap(ValidUnicode.of(json).getBytes(StandardCharsets.UTF_8));
      }
      out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
      out.write('\n');
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      if (endOfInput && !buffer.isEmpty()) {
        buffer.sort(
            Comparator.comparing(
                    (KeyedJson k) -> k.sortKey, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(k -> k.json));
        for (KeyedJson k : buffer) {
          writeLine(k.json);
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
