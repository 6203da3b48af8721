package dev.pantau.flink.io;

import dev.pantau.flink.model.Decoded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSONL file of mentions line by line, decoding each line and numbering it, so that a bad line
 * reaches the dead-letter output with its file and line. Lines holding only whitespace are not records
 * and are skipped. Not splittable: one reader, the file's order.
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
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long line;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(1024);

    LineReader(InputStream in) {
      this.in = in;
    }

    @Override
    public Decoded read() throws IOException {
      while (true) {
        byte[] bytes = nextLine();
        if (bytes == null) {
          return null;
        }
        line++;
        if (!isBlank(bytes)) {
          return decoder.decode(bytes, fileName, line).at(fileName, line);
        }
      }
    }

    private byte[] nextLine() throws IOException {
      current.reset();
      boolean any = false;
      while (true) {
        if (pos == limit) {
          limit = in.read(buffer);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            return any ? strip(current.toByteArray()) : null;
          }
        }
        any = true;
        int start = pos;
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        current.write(buffer, start, pos - start);
        if (pos < limit) {
          pos++;
          return strip(current.toByteArray());
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static byte[] strip(byte[] b) {
    return b.length > 0 && b[b.length - 1] == '\r' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
  }

  private static boolean isBlank(byte[] b) {
    for (byte x : b) {
      if (x != ' ' && x != '\t' && x != '\r') {
        return false;
      }
    }
    return true;
  }
}
