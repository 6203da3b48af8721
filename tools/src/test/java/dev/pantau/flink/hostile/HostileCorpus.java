package dev.pantau.flink.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile input lines, each with what Pantau must make of it: {@code valid}, {@code blank} (not a
 * record), or the dead-letter reason it must get. Every field, every type, the extremes of every
 * number and time, every encoding problem, very long and very many things, mixed between good
 * mentions of a brand ({@code goodco}) that no hostile line mentions, so the good mentions' outputs
 * can be compared byte for byte with a run without the hostile lines. Hostile valid lines stay
 * within the good lines' time span, so they move no watermark and no zero-fill past the good
 * lines'.
 */
public final class HostileCorpus {
  public static final String VALID = "valid";
  public static final String BLANK = "blank";

  /** One line: its name, its bytes (no line end), what it must become. */
  public record Line(String name, byte[] bytes, String expect) {
    public boolean isRecord() {
      return !expect.equals(BLANK);
    }
  }

  public static final String KEYWORDS =
      """
      brands:
        - id: goodco
          query: goodco
        - id: telkomsel
          query: telkomsel
        - id: tsel
          query: 'aaa* NEAR/3 telkomsel'
        - id: wild
          query: 'zzz*'
      """;

  private static final String T = "\"2026-11-22T10:15:00Z\"";
  private static final long MAX_COUNT = 1_000_000_000_000L;

  private final List<Line> lines = new ArrayList<>();

  private HostileCorpus() {}

  /** The good lines alone. */
  public static List<Line> good() {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String json =
          "{\"id\":\"good-"
              + i
              + "\",\"source\":\""
              + (i % 3 == 0 ? "news" : "twitter")
              + "\",\"text\":\"goodco "
              + (i % 2 == 0 ? "is great, love it" : "service is down again, terrible")
              + " "
              + i
              + "\",\"created_at\":\"2026-11-22T10:"
              + String.format("%02d", i)
              + ":00Z\",\"author\":{\"handle\":\"@user"
              + (i % 7)
              + "\",\"followers\":"
              + (100 + i)
              + "},\"metrics\":{\"likes\":"
              + i
              + ",\"comments\":1,\"shares\":2,\"views\":"
              + (10 * i)
              + "}}";
      out.add(new Line("good " + i, json.getBytes(StandardCharsets.UTF_8), VALID));
    }
    return out;
  }

  /** The good lines with the hostile ones placed between them. */
  public static List<Line> mixed() {
    List<Line> good = good();
    List<Line> hostile = hostile();
    List<Line> out = new ArrayList<>();
    int h = 0;
    for (int i = 0; i < good.size(); i++) {
      out.add(good.get(i));
      int share = (hostile.size() - h) / (good.size() - i);
      for (int k = 0; k < share; k++) {
        out.add(hostile.get(h++));
      }
    }
    return out;
  }

  public static Path write(List<Line> lines, Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Line l : lines) {
      out.write(l.bytes());
      out.write('\n');
    }
    return Files.write(file, out.toByteArray());
  }

  private void add(String name, String json, String expect) {
    lines.add(new Line(name, json.getBytes(StandardCharsets.UTF_8), expect));
  }

  private void addBytes(String name, String expect, Object... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] bytes = p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p;
      b.writeBytes(bytes);
    }
    lines.add(new Line(name, b.toByteArray(), expect));
  }

  /** A mention with {@code extra} fields after id, text and created_at. */
  private static String m(String id, String text, String createdAt, String extra) {
    return "{\"id\":\""
        + id
        + "\",\"text\":\""
        + text
        + "\",\"created_at\":"
        + createdAt
        + (extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  private static String m(String id, String extra) {
    return m(id, "telkomsel ok", T, extra);
  }

  public static List<Line> hostile() {
    HostileCorpus c = new HostileCorpus();
    c.buildInvalidJson();
    c.buildShapeAndTypes();
    c.buildTimes();
    c.buildCounts();
    c.buildValues();
    c.buildValidButHostile();
    return c.lines;
  }

  private void buildInvalidJson() {
    add("open brace", "{", "invalid_json");
    add(
        "truncated object",
        "{\"id\":\"t1\",\"text\":\"telkomsel\",\"created_at\":" + T,
        "invalid_json");
    add("truncated string", "{\"id\":\"t2\",\"text\":\"telk", "invalid_json");
    add("plain text", "not json at all", "invalid_json");
    add("trailing garbage", m("t3", "") + " x", "invalid_json");
    add("two objects", m("t4", "") + m("t5", ""), "invalid_json");
    add("NaN", "NaN", "invalid_json");
    add("NaN value", m("t6", "\"reach\":NaN"), "invalid_json");
    add("Infinity value", m("t7", "\"reach\":-Infinity"), "invalid_json");
    add("single quotes", "{'id':'t8'}", "invalid_json");
    add("unquoted key", "{id:\"t9\"}", "invalid_json");
    add(
        "trailing comma",
        "{\"id\":\"t10\",\"text\":\"x\",\"created_at\":" + T + ",}",
        "invalid_json");
    add("line comment", m("t11", "") + " // c", "invalid_json");
    add("block comment", "{/* c */\"id\":\"t12\"}", "invalid_json");
    add("bad escape", m("t13", "bad \\x escape", T, ""), "invalid_json");
    add("short unicode escape", m("t14", "\\u12", T, ""), "invalid_json");
    add("raw control char", m("t15", "a\u0001b", T, ""), "invalid_json");
    add("10,000 open arrays", "[".repeat(10_000), "invalid_json");
    add(
        "2,000 deep nesting in a field",
        m("t16", "\"x\":" + "[".repeat(2_000) + "]".repeat(2_000)),
        "invalid_json");
    add("number of 2,000 digits", m("t17", "\"reach\":" + "9".repeat(2_000)), "invalid_json");
    add("NUL byte", "\u0000", "invalid_json");
    add("form feed", "\f", "invalid_json");
    add("vertical tab", "\u000B", "invalid_json");
    add("form feed before a mention", "\f" + m("t18", ""), "invalid_json");
    add("no-break space line", "\u00A0", "invalid_json");
    addBytes(
        "invalid UTF-8 C3 28",
        "invalid_json",
        "{\"id\":\"t19\",\"text\":\"",
        new byte[] {(byte) 0xC3, 0x28},
        "\",\"created_at\":" + T + "}");
    addBytes(
        "overlong slash",
        "invalid_json",
        "{\"id\":\"t20\",\"text\":\"",
        new byte[] {(byte) 0xC0, (byte) 0xAF},
        "\",\"created_at\":" + T + "}");
    addBytes(
        "CESU surrogate bytes",
        "invalid_json",
        "{\"id\":\"t21\",\"text\":\"",
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        "\",\"created_at\":" + T + "}");
    addBytes(
        "Latin-1 cafe",
        "invalid_json",
        "{\"id\":\"t22\",\"text\":\"caf",
        new byte[] {(byte) 0xE9},
        "\",\"created_at\":" + T + "}");
    addBytes(
        "lone continuation",
        "invalid_json",
        "{\"id\":\"t23\",\"text\":\"",
        new byte[] {(byte) 0x80},
        "\",\"created_at\":" + T + "}");
    addBytes(
        "beyond U+10FFFF",
        "invalid_json",
        "{\"id\":\"t24\",\"text\":\"",
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        "\",\"created_at\":" + T + "}");
    addBytes("byte FF", "invalid_json", new byte[] {(byte) 0xFF, (byte) 0xFE}, m("t25", ""));
    addBytes("UTF-16 mention", "invalid_json", m("t26", "").getBytes(StandardCharsets.UTF_16LE));
  }

  private void buildShapeAndTypes() {
    add("array", "[1,2,3]", "not_an_object");
    add("string", "\"telkomsel\"", "not_an_object");
    add("number", "42", "not_an_object");
    add("null", "null", "not_an_object");
    add("true", "true", "not_an_object");
    add("empty object", "{}", "missing_field");
    add("no id", "{\"text\":\"x\",\"created_at\":" + T + "}", "missing_field");
    add("id null", "{\"id\":null,\"text\":\"x\",\"created_at\":" + T + "}", "missing_field");
    add("no created_at", "{\"id\":\"s1\",\"text\":\"x\"}", "missing_field");
    add("no text, no title", "{\"id\":\"s2\",\"created_at\":" + T + "}", "missing_field");
    add("id a number", "{\"id\":7,\"text\":\"x\",\"created_at\":" + T + "}", "wrong_type");
    add("id an object", "{\"id\":{\"a\":1},\"text\":\"x\",\"created_at\":" + T + "}", "wrong_type");
    add(
        "text an array",
        "{\"id\":\"s3\",\"text\":[\"telkomsel\"],\"created_at\":" + T + "}",
        "wrong_type");
    add("text an object", "{\"id\":\"s4\",\"text\":{},\"created_at\":" + T + "}", "wrong_type");
    add("title a number", m("s5", "\"title\":5"), "wrong_type");
    add("url a number", m("s6", "\"url\":5"), "wrong_type");
    add("parent_id an object", m("s7", "\"parent_id\":{}"), "wrong_type");
    add("lang a number", m("s8", "\"lang\":1"), "wrong_type");
    add("metrics a string", m("s9", "\"metrics\":\"many\""), "wrong_type");
    add("metrics an array", m("s10", "\"metrics\":[1]"), "wrong_type");
    add("likes a string", m("s11", "\"metrics\":{\"likes\":\"5\"}"), "wrong_type");
    add("likes a fraction", m("s12", "\"metrics\":{\"likes\":1.5}"), "wrong_type");
    add("likes a boolean", m("s13", "\"metrics\":{\"likes\":true}"), "wrong_type");
    add("reach in exponent form", m("s14", "\"reach\":1e3"), "wrong_type");
    add("author a string", m("s15", "\"author\":\"bob\""), "wrong_type");
    add("followers a string", m("s16", "\"author\":{\"followers\":\"100\"}"), "wrong_type");
    add("employee a string", m("s17", "\"author\":{\"employee\":\"yes\"}"), "wrong_type");
    add("is_repost a number", m("s18", "\"is_repost\":1"), "wrong_type");
  }

  private void buildTimes() {
    add(
        "time Long.MAX_VALUE",
        m("u1", "telkomsel", "9223372036854775807", ""),
        "time_out_of_range");
    add(
        "time Long.MIN_VALUE",
        m("u2", "telkomsel", "-9223372036854775808", ""),
        "time_out_of_range");
    add("time 2^70", m("u3", "telkomsel", "1180591620717411303424", ""), "time_out_of_range");
    add("time -2^70", m("u4", "telkomsel", "-1180591620717411303424", ""), "time_out_of_range");
    add(
        "year +999999999",
        m("u5", "telkomsel", "\"+999999999-12-31T23:59:59Z\"", ""),
        "time_out_of_range");
    add(
        "year -999999999",
        m("u6", "telkomsel", "\"-999999999-01-01T00:00:00Z\"", ""),
        "time_out_of_range");
    add("year 9999", m("u7", "telkomsel", "\"9999-12-31T23:59:59Z\"", ""), "time_out_of_range");
    add(
        "year 2100 at +14:00",
        m("u8", "telkomsel", "\"2100-01-01T00:00:00+14:00\"", ""),
        "time_out_of_range");
    add("epoch seconds", m("u9", "telkomsel", "1795305660", ""), "time_out_of_range");
    add("epoch zero", m("u10", "telkomsel", "0", ""), "time_out_of_range");
    add("epoch -1", m("u11", "telkomsel", "-1", ""), "time_out_of_range");
    add(
        "1999-12-31",
        m("u12", "telkomsel", "\"1999-12-31T23:59:59.999Z\"", ""),
        "time_out_of_range");
    add("1970 ISO", m("u13", "telkomsel", "\"1970-01-01T00:00:00Z\"", ""), "time_out_of_range");
    add("epoch microseconds", m("u14", "telkomsel", "1763806500000000", ""), "time_out_of_range");
    add(
        "time without offset",
        m("u15", "telkomsel", "\"2026-11-22T10:15:00\"", ""),
        "invalid_time");
    add("time 30 February", m("u16", "telkomsel", "\"2026-02-30T10:15:00Z\"", ""), "invalid_time");
    add("time 25 o'clock", m("u17", "telkomsel", "\"2026-11-22T25:00:00Z\"", ""), "invalid_time");
    add("time empty", m("u18", "telkomsel", "\"\"", ""), "invalid_time");
    add("time words", m("u19", "telkomsel", "\"yesterday\"", ""), "invalid_time");
    add("time a boolean", m("u20", "telkomsel", "true", ""), "invalid_time");
    add("time a fraction", m("u21", "telkomsel", "1.7638065E12", ""), "invalid_time");
    add("time an object", m("u22", "telkomsel", "{\"t\":1}", ""), "invalid_time");
    add(
        "time offset +25:00",
        m("u23", "telkomsel", "\"2026-11-22T10:15:00+25:00\"", ""),
        "invalid_time");
  }

  private void buildCounts() {
    String max = "9223372036854775807";
    add(
        "likes Long.MAX_VALUE",
        m("c1", "\"metrics\":{\"likes\":" + max + "}"),
        "count_out_of_range");
    add(
        "comments Long.MAX_VALUE",
        m("c2", "\"metrics\":{\"comments\":" + max + "}"),
        "count_out_of_range");
    add(
        "shares 2^63",
        m("c3", "\"metrics\":{\"shares\":9223372036854775808}"),
        "count_out_of_range");
    add(
        "views 10^30",
        m("c4", "\"metrics\":{\"views\":1000000000000000000000000000000}"),
        "count_out_of_range");
    add(
        "quotes max + 1",
        m("c5", "\"metrics\":{\"quotes\":" + (MAX_COUNT + 1) + "}"),
        "count_out_of_range");
    add(
        "bookmarks Long.MAX_VALUE",
        m("c6", "\"metrics\":{\"bookmarks\":" + max + "}"),
        "count_out_of_range");
    add("reach Long.MAX_VALUE", m("c7", "\"reach\":" + max), "count_out_of_range");
    add(
        "followers Long.MAX_VALUE",
        m("c8", "\"author\":{\"followers\":" + max + "}"),
        "count_out_of_range");
    add("likes -1", m("c9", "\"metrics\":{\"likes\":-1}"), "negative_count");
    add(
        "views Long.MIN_VALUE",
        m("c10", "\"metrics\":{\"views\":-9223372036854775808}"),
        "negative_count");
    add("reach -10^30", m("c11", "\"reach\":-1000000000000000000000000000000"), "negative_count");
    add("followers -5", m("c12", "\"author\":{\"followers\":-5}"), "negative_count");
  }

  private void buildValues() {
    add(
        "duplicate id",
        "{\"id\":\"d1\",\"id\":\"d2\",\"text\":\"telkomsel\",\"created_at\":" + T + "}",
        "duplicate_key");
    add(
        "duplicate created_at",
        "{\"id\":\"d3\",\"text\":\"telkomsel\",\"created_at\":" + T + ",\"created_at\":1}",
        "duplicate_key");
    add("duplicate likes", m("d4", "\"metrics\":{\"likes\":1,\"likes\":1000}"), "duplicate_key");
    add(
        "duplicate handle",
        m("d5", "\"author\":{\"handle\":\"@a\",\"handle\":\"@b\"}"),
        "duplicate_key");
    add("duplicate unknown key", m("d6", "\"x\":1,\"x\":2"), "duplicate_key");
    add(
        "empty id",
        "{\"id\":\"\",\"text\":\"telkomsel\",\"created_at\":" + T + "}",
        "invalid_value");
    add(
        "id of 257 chars",
        "{\"id\":\"" + "i".repeat(257) + "\",\"text\":\"telkomsel\",\"created_at\":" + T + "}",
        "invalid_value");
    add("source with spaces", m("v1", "\"source\":\"My Blog\""), "invalid_value");
    add("source of 100 chars", m("v2", "\"source\":\"" + "s".repeat(100) + "\""), "invalid_value");
    add("lang a word", m("v3", "\"lang\":\"english\""), "invalid_value");
    add("country alpha-3", m("v4", "\"country\":\"IDN\""), "invalid_value");
    add("record over 1 MiB", m("v5", "telkomsel " + "x".repeat(1_100_000), T, ""), "too_large");
  }

  private void buildValidButHostile() {
    add("lone high surrogate in text", m("ok1", "telkomsel \\ud800 signal", T, ""), VALID);
    add("lone low surrogate in id", m("ok2\\udc00", "telkomsel", T, ""), VALID);
    add(
        "surrogates everywhere",
        m(
            "ok3",
            "telkomsel \\udfff\\ud83d",
            T,
            "\"title\":\"\\ud800\",\"url\":\"https://x/\\udc00\",\"author\":{\"name\":\"\\ud83d\",\"handle\":\"@\\udbff\"},\"parent_id\":\"\\ud800\""),
        VALID);
    add(
        "escaped NUL and controls",
        m("ok4", "telkomsel \\u0000 \\u0001 \\u001f \\b \\f", T, ""),
        VALID);
    add(
        "emoji, ZWJ, RTL override, combining marks",
        m(
            "ok5",
            "telkomsel 👩‍👩‍👧‍👦 \u202Egnp.exe\u202C " + "e" + "\u0301".repeat(1_000),
            T,
            ""),
        VALID);
    add(
        "every count at the maximum",
        m(
            "ok6",
            "\"reach\":"
                + MAX_COUNT
                + ",\"author\":{\"handle\":\"@rich\",\"followers\":"
                + MAX_COUNT
                + "},\"metrics\":{\"likes\":"
                + MAX_COUNT
                + ",\"comments\":"
                + MAX_COUNT
                + ",\"shares\":"
                + MAX_COUNT
                + ",\"views\":"
                + MAX_COUNT
                + ",\"quotes\":"
                + MAX_COUNT
                + ",\"bookmarks\":"
                + MAX_COUNT
                + "}"),
        VALID);
    add(
        "every count at the maximum again",
        m(
            "ok7",
            "\"reach\":"
                + MAX_COUNT
                + ",\"author\":{\"handle\":\"@rich2\"},\"metrics\":{\"likes\":"
                + MAX_COUNT
                + ",\"comments\":"
                + MAX_COUNT
                + ",\"views\":"
                + MAX_COUNT
                + "}"),
        VALID);
    add(
        "a re-crawl of the maximum",
        m(
            "ok7",
            "\"reach\":"
                + MAX_COUNT
                + ",\"author\":{\"handle\":\"@rich2\"},\"metrics\":{\"likes\":"
                + MAX_COUNT
                + ",\"comments\":"
                + MAX_COUNT
                + ",\"views\":"
                + MAX_COUNT
                + "}"),
        VALID);
    StringBuilder aaa = new StringBuilder("telkomsel");
    for (int i = 0; i < 1_100; i++) {
      aaa.append(" aaa").append(i);
    }
    add("wildcard in NEAR over 1,024 words", m("ok8", aaa.toString(), T, ""), VALID);
    StringBuilder zzz = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      zzz.append(" zzz").append(i);
    }
    add("wildcard matching 100,000 words", m("ok9", zzz.toString().strip(), T, ""), VALID);
    add("just under 1 MiB, matched", m("ok10", "telkomsel " + "y".repeat(1_040_000), T, ""), VALID);
    StringBuilder tags = new StringBuilder("telkomsel");
    for (int i = 0; i < 10_000; i++) {
      tags.append(" #tag").append(i);
    }
    add("10,000 hashtags", m("ok11", tags.toString(), T, ""), VALID);
    StringBuilder unknown = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      unknown
          .append(i == 0 ? "" : ",")
          .append("\"f")
          .append(i)
          .append("\":{\"a\":[1,2,{\"b\":null}]}");
    }
    add("1,000 unknown fields", m("ok12", unknown.toString()), VALID);
    add(
        "URL and title of 100,000 chars",
        m(
            "ok13",
            "\"url\":\"https://e.com/"
                + "p".repeat(100_000)
                + "\",\"title\":\""
                + "T".repeat(100_000)
                + "\""),
        VALID);
    add("the earliest time", m("ok14", "old news", "\"2000-01-01T00:00:00Z\"", ""), VALID);
    add("offset +14:00", m("ok15", "telkomsel", "\"2026-11-23T00:15:00+14:00\"", ""), VALID);
    add(
        "empty text with a title",
        "{\"id\":\"ok16\",\"title\":\"telkomsel\",\"text\":\"\",\"created_at\":" + T + "}",
        VALID);
    add(
        "title only",
        "{\"id\":\"ok17\",\"title\":\"telkomsel news\",\"created_at\":" + T + "}",
        VALID);
    add("text of escapes only", m("ok18", "\\n\\n\\r\\t", T, ""), VALID);
    add("id of 256 chars", m("k".repeat(256), "telkomsel", T, ""), VALID);
    add(
        "every optional field null",
        m(
            "ok19",
            "\"source\":null,\"title\":null,\"url\":null,\"lang\":null,\"country\":null,\"author\":null,"
                + "\"metrics\":null,\"reach\":null,\"parent_id\":null,\"is_repost\":null"),
        VALID);
    add(
        "lang EN-us, country id",
        m("ok20", "\"lang\":\"EN-us\",\"country\":\"id\",\"source\":\" Twitter \""),
        VALID);
    add(
        "unicode escapes of plain letters",
        m("ok21", "\\u0074\\u0065lkomsel \\/ slash", T, ""),
        VALID);
    add("created_at as epoch milliseconds", m("ok22", "telkomsel", "1795342500000", ""), VALID);
    addBytes(
        "byte-order mark",
        VALID,
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        m("ok26", ""));
    add(
        "numbers at zero and leading space",
        " " + m("ok23", "\"reach\":0,\"metrics\":{\"likes\":0,\"views\":0}"),
        VALID);
    add("CRLF ending", m("ok24", "") + "\r", VALID);
    add("a mention of nobody", m("ok25", "nothing to see", T, ""), VALID);
    add("empty line", "", BLANK);
    add("spaces", "    ", BLANK);
    add("tab", "\t", BLANK);
    add("carriage return", "\r", BLANK);
  }
}
