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

  /** Every record parsed as a tree. */
  default void forEach(String what, JsonLinesReader.LineHandler handler)
      throws IOException, ReportInputException {
    forEachText(what, text -> handler.handle(JsonLinesReader.JSON.readTree(text)));
  }

  /** No records: an output the source does not have (a replay without rules has no alerts). */
  JsonRecords NONE = (what, handler) -> {};
}
