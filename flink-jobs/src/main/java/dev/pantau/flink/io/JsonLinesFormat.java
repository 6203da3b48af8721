package dev.pantau.flink.io;

import dev.pantau.flink.model.Decoded;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSONL file of mentions line by line, decoding each line and numbering it, so that a bad
 * line reaches the dead-letter output with its file and line ({@link JsonLineSplitter} says what a
 * line is, for {@code analyze} too). Not splittable: one reader, the file's order.
 */
public final class JsonLinesFormat implements StreamFormat<Decoded> {
  private static final long serialVersionUID = 1L;
  private final String fileName;
  private final MentionDecoder decoder;

  /** An account-stats file (SPEC §1b) merged into the mentions by event time; null for none. */
  private final String accountStatsPath;

  private final AccountStatsDecoder accountStats;

  public JsonLinesFormat(String fileName, MentionDecoder decoder) {
    this(fileName, decoder, null, null);
  }

  /**
   * Mentions, with the readings of the JSONL file {@code accountStatsPath} merged in as if both had
   * arrived together: a reading is read once the mentions have reached its {@code at} (the newest
   * {@code created_at} so far, the next mention's included), readings keep their file order, an
   * invalid one goes out when it is next, and what is left follows the last mention. The merge
   * depends on the two files alone, so replay stays byte-identical.
   */
  public JsonLinesFormat(
      String fileName,
      MentionDecoder decoder,
      String accountStatsPath,
      AccountStatsDecoder accountStats) {
    this.fileName = fileName;
    this.decoder = decoder;
    this.accountStatsPath = accountStatsPath;
    this.accountStats = accountStats;
  }

  @Override
  public Reader<Decoded> createReader(
      Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
      throws IOException {
    return new LineReader(stream);
  }

  @Override
  public Reader<Decoded> restoreReader(
      Configuration config,
      FSDataInputStream stream,
      long restoredOffset,
      long fileLen,
      long splitEnd)
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
    private final InputStream readingsIn;
    private final JsonLineSplitter readings;
    private final String readingsName;
    private Decoded nextMention;
    private boolean mentionsDone;
    private Decoded nextReading;
    private boolean readingsDone;
    private long newest = Long.MIN_VALUE;

    LineReader(InputStream in) throws IOException {
      this.in = in;
      this.lines = new JsonLineSplitter(in);
      if (accountStatsPath != null) {
        java.nio.file.Path p = java.nio.file.Path.of(accountStatsPath);
        this.readingsIn = java.nio.file.Files.newInputStream(p);
        this.readings = new JsonLineSplitter(readingsIn);
        this.readingsName = p.getFileName().toString();
      } else {
        this.readingsIn = null;
        this.readings = null;
        this.readingsName = null;
        this.readingsDone = true;
      }
    }

    @Override
    public Decoded read() throws IOException {
      if (readings == null) {
        return mention();
      }
      if (nextMention == null && !mentionsDone) {
        nextMention = mention();
        mentionsDone = nextMention == null;
      }
      if (nextReading == null && !readingsDone) {
        byte[] bytes = readings.next();
        if (bytes == null) {
          readingsDone = true;
        } else {
          nextReading =
              accountStats
                  .decode(bytes, readingsName, readings.lineNumber())
                  .at(readingsName, readings.lineNumber());
        }
      }
      long reached =
          nextMention == null
              ? Long.MAX_VALUE
              : nextMention.timed() ? Math.max(newest, nextMention.eventTime()) : newest;
      if (nextReading != null && (!nextReading.timed() || nextReading.eventTime() <= reached)) {
        Decoded r = nextReading;
        nextReading = null;
        return r;
      }
      Decoded m = nextMention;
      nextMention = null;
      if (m != null && m.timed()) {
        newest = Math.max(newest, m.eventTime());
      }
      return m;
    }

    private Decoded mention() throws IOException {
      byte[] bytes = lines.next();
      return bytes == null
          ? null
          : decoder.decode(bytes, fileName, lines.lineNumber()).at(fileName, lines.lineNumber());
    }

    @Override
    public void close() throws IOException {
      in.close();
      if (readingsIn != null) {
        readingsIn.close();
      }
    }
  }
}
