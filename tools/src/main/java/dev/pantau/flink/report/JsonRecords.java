package dev.pantau.flink.report;

import java.io.IOException;

/**
 * The records of one output (KPI series, alerts, leads...), one JSON object each, from wherever a
 * source keeps them: lines of a replay's file or values of a topic. The readers that keep the
 * latest revision of each key and filter by period take them from here, so a folder and a topic
 * give the same report.
 */
@FunctionalInterface
interface JsonRecords {
  /** What to do with one record's JSON text. */
  interface TextHandler {
    void handle(String json) throws IOException;
  }

  /**
   * Hands every record's text to {@code handler}; one the handler cannot read (an exception) fails
   * as "not {@code what}", naming where it was.
   */
  void forEachText(String what, TextHandler handler) throws IOException, ReportInputException;

  /** Turns one record's text into a value, or null to skip it. */
  interface Parser<T> {
    T parse(String json) throws IOException;

    /**
     * The same from a record's UTF-8 bytes, as a file holds them. A parser of the big outputs (KPI
     * series, enriched mentions) reads the bytes itself: decoding a gigabyte into strings first was
     * a fifth of a month's report.
     */
    default T parse(byte[] utf8, int offset, int length) throws IOException {
      return parse(new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Takes the parsed values, in the records' order. */
  interface Sink<T> {
    void accept(T value);
  }

  /**
   * Every record parsed by {@code parser} and handed to {@code sink} in the records' order. A
   * source may parse on several threads ({@code parser} must not share state unguarded); {@code
   * sink} is called on one thread at a time.
   */
  default <T> void forEachParsed(String what, Parser<T> parser, Sink<T> sink)
      throws IOException, ReportInputException {
    forEachText(
        what,
        text -> {
          T v = parser.parse(text);
          if (v != null) {
            sink.accept(v);
          }
        });
  }

  /** Every record parsed as a tree. */
  default void forEach(String what, JsonLinesReader.LineHandler handler)
      throws IOException, ReportInputException {
    forEachText(what, text -> handler.handle(JsonLinesReader.JSON.readTree(text)));
  }

  /** No records: an output the source does not have (a replay without rules has no alerts). */
  JsonRecords NONE = (what, handler) -> {};
}
