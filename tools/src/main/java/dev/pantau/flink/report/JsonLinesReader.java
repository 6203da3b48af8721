package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

  /** The lines of {@code file} as records. */
  static JsonRecords of(Path file) {
    return (what, handler) -> read(file, what, handler);
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
