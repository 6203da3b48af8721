package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesReaderTest {
  @TempDir Path dir;

  /** The bytes a parser was handed, as text: what a line holds, and how it was cut. */
  private static final JsonRecords.Parser<String> ECHO =
      new JsonRecords.Parser<>() {
        @Override
        public String parse(String json) {
          if (json.contains("bad")) {
            throw new IllegalArgumentException("a bad record");
          }
          return json;
        }
      };

  // block sizes smaller than a line, about a line, and far bigger than the file
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 16, 64, 1 << 20})
  void everyLineOnceInOrderWhereverTheBlocksEnd(int blockSize) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add("{\"n\":" + i + ",\"text\":\"" + "é€😀".repeat(i % 5) + "\"}");
    }
    Path file = dir.resolve("lines.jsonl");
    // CRLF and LF breaks, blank lines, and no break after the last line
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      text.append(lines.get(i)).append(i % 3 == 0 ? "\r\n" : "\n");
      if (i % 50 == 0) {
        text.append("  \n");
      }
    }
    text.setLength(text.length() - 1);
    Files.writeString(file, text, StandardCharsets.UTF_8);

    List<String> read = new ArrayList<>();
    JsonLinesReader.readParallel(file, "a line", ECHO, read::add, blockSize);

    assertThat(read).containsExactlyElementsOf(lines);
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 1 << 20})
  void aRecordThatDoesNotParseNamesItsFileAndLine(int blockSize) throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"a\":1}\n\n{\"a\":2}\r\n{\"bad\":3}\n{\"a\":4}\n");

    List<String> read = new ArrayList<>();
    assertThatThrownBy(
            () -> JsonLinesReader.readParallel(file, "a line", ECHO, read::add, blockSize))
        .isInstanceOf(ReportInputException.class)
        .hasMessage(file + ":4: not a line (a bad record)");
    assertThat(read).containsExactly("{\"a\":1}", "{\"a\":2}");
  }
}
