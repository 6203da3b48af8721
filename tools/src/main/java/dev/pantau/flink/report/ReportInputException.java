package dev.pantau.flink.report;

/**
 * An input of a report that cannot be read as what it should be; the message names file and line.
 */
public final class ReportInputException extends Exception {
  public ReportInputException(String message) {
    super(message, null, false, false);
  }
}
