package dev.pantau.flink.io;

import dev.pantau.flink.model.Decoded;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSONL file of mentions line by line, decoding each line and numbering it, so that a bad line
 * reaches the dead-letter output with its file and line ({@link JsonLineSplitter} says what a line
 * is, for {@code analyze} too). Not splittable: one reader, the file's order.
 */
public final class JsonLinesFormat implements StreamFormat<Decoded> {
  private static final long serialVersionUID = 1L;
  private final String fileName;
  private final MentionDecoder decoder;

  public JsonLinesFormat(String fileName, MentionDecoder decoder) {
    this.fileName = fileName;
    this.decoder = decoder;
  }

  @Override
  public Reader<Decoded> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) {
    return new LineReader(stream);
  }

  @Override
  public Reader<Decoded> restoreReader(
      Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen, long splitEnd)
      throws IOException {
    // not splittable: the adapter restores by re-reading from the start and skipping records
    stream.seek(0);
    return new LineReader(stream);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<Decoded> getProducedType() {
    return TypeInformation.of(Decoded.class);
  }

  private final class LineReader implements Reader<Decoded> {
    private final InputStream in;
    private final JsonLineSplitter lines;

    LineReader(InputStream in) {
      this.in = in;
      this.lines = new JsonLineSplitter(in);
    }

    @Override
    public Decoded read() throws IOException {
      byte[] bytes = lines.next();
      return bytes == null ? null : decoder.decode(bytes, fileName, lines.lineNumber()).at(fileName, lines.lineNumber());
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
