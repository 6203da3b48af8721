package dev.pantau.flink.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a JSONL stream into its lines as raw bytes, numbered from 1: the one reading of a file
 * that {@code replay} and {@code analyze} share, so the two commands agree on every line (the bytes
 * reach the decoder undecoded, so invalid UTF-8 is judged by the decoder alone). A line ends at
 * {@code \n}; a {@code \r} before it is dropped. A line holding only JSON whitespace (space, tab,
 * CR) is no record; any other line is one, a form feed or a NUL byte included, and is decoded or
 * dead-lettered.
 */
public final class JsonLineSplitter {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private final ByteArrayOutputStream current = new ByteArrayOutputStream(1024);
  private int pos;
  private int limit;
  private long line;

  public JsonLineSplitter(InputStream in) {
    this.in = in;
  }

  /** The number of the line {@link #next()} returned last. */
  public long lineNumber() {
    return line;
  }

  /** The next line that is a record, or null at the end of the stream. */
  public byte[] next() throws IOException {
    while (true) {
      byte[] bytes = nextLine();
      if (bytes == null) {
        return null;
      }
      line++;
      if (!isBlank(bytes)) {
        return bytes;
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

  private static byte[] strip(byte[] b) {
    return b.length > 0 && b[b.length - 1] == '\r' ? Arrays.copyOf(b, b.length - 1) : b;
  }

  static boolean isBlank(byte[] b) {
    for (byte x : b) {
      if (x != ' ' && x != '\t' && x != '\r') {
        return false;
      }
    }
    return true;
  }
}
