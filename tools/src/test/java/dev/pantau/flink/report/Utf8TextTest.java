package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
  private static final byte[] LINE =
      "xx{\"brand\":\"café\",\"start\":\"2026-11-01T00:00:00Z\",\"source\":\"*\"}yy"
          .getBytes(StandardCharsets.UTF_8);
  private static final int END = LINE.length - 2;

  @Test
  void findsAFieldAsTheWriterWritesIt() {
    int start = Utf8Text.valueAt(LINE, 2, END, Utf8Text.key("start"));

    assertThat(Utf8Text.string(LINE, start, END)).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(Utf8Text.hasLength(LINE, start, END, 20, 'Z')).isTrue();
    assertThat(Utf8Text.hasLength(LINE, start, END, 19, 'Z')).isFalse();
    assertThat(Utf8Text.compare(LINE, start, ascii("2026-11-01T00:00:00Z"))).isZero();
    assertThat(Utf8Text.compare(LINE, start, ascii("2026-11-02T00:00:00Z"))).isNegative();
    assertThat(Utf8Text.compare(LINE, start, ascii("2026-10-31T23:59:00Z"))).isPositive();
    assertThat(Utf8Text.string(LINE, Utf8Text.valueAt(LINE, 2, END, Utf8Text.key("brand")), END))
        .isEqualTo("café");
  }

  @Test
  void aFieldWrittenOtherwiseOrOutsideTheRangeIsNotFound() {
    byte[] spaced = "{\"start\": \"2026\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(Utf8Text.valueAt(spaced, 0, spaced.length, Utf8Text.key("start"))).isEqualTo(-1);
    assertThat(Utf8Text.valueAt(LINE, 2, 12, Utf8Text.key("start"))).isEqualTo(-1);
    assertThat(Utf8Text.string(LINE, -1, END)).isNull();
  }

  @Test
  void namesAreOneStringEachAndAsParsed() throws Exception {
    Names names = new Names();
    JsonFactory f = new JsonFactory();
    String first = null;
    for (String json : new String[] {"\"telkomsel\"", "\"xl\"", "\"telkomsel\"", "\"Ünï\""}) {
      try (JsonParser p = f.createParser(json)) {
        p.nextToken();
        String name = names.of(p);
        assertThat(name).isEqualTo(p.getText());
        if (name.equals("telkomsel")) {
          first = first == null ? name : first;
          assertThat(name).isSameAs(first);
        }
      }
    }
    // past the first table's size: the table grows and keeps every name
    for (int i = 0; i < 500; i++) {
      try (JsonParser p = f.createParser("\"n" + i + "\"")) {
        p.nextToken();
        assertThat(names.of(p)).isEqualTo("n" + i);
      }
    }
    try (JsonParser p = f.createParser("\"telkomsel\"")) {
      p.nextToken();
      assertThat(names.of(p)).isSameAs(first);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
