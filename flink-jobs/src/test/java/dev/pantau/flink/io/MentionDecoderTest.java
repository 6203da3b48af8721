package dev.pantau.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionDecoderTest {
  private final MentionDecoder decoder = new MentionDecoder(2_000);

  @Test
  void decodesEveryField() throws Exception {
    Mention m =
        decoder.parse(
            bytes(
                """
                {"id":"tw:1","text":"Sinyal @Telkomsel hilang","created_at":"2026-11-22T17:15:00+07:00",
                 "source":"Twitter","title":"t","url":"https://x.com/a/1","lang":"ID","country":"id",
                 "author":{"id":"42","handle":"@budi","name":"Budi","followers":1200,"employee":true},
                 "metrics":{"likes":3,"comments":1,"shares":2,"views":900,"quotes":0,"bookmarks":4},
                 "reach":5000,"parent_id":"tw:0","is_repost":false,"unknown":{"ignored":true}}
                """));
    assertThat(m.id).isEqualTo("tw:1");
    assertThat(m.source).isEqualTo("twitter");
    assertThat(m.createdAt).isEqualTo(Instant.parse("2026-11-22T10:15:00Z").toEpochMilli());
    assertThat(m.lang).isEqualTo("id");
    assertThat(m.country).isEqualTo("ID");
    assertThat(m.authorHandle).isEqualTo("@budi");
    assertThat(m.followers).isEqualTo(1200);
    assertThat(m.employee).isTrue();
    assertThat(m.likes).isEqualTo(3);
    assertThat(m.views).isEqualTo(900);
    assertThat(m.bookmarks).isEqualTo(4);
    assertThat(m.reach).isEqualTo(5000);
    assertThat(m.potentialReach()).isEqualTo(5000);
    assertThat(m.engagementTotal()).isEqualTo(10);
    assertThat(m.parentId).isEqualTo("tw:0");
    assertThat(m.isRepost).isFalse();
  }

  @Test
  void appliesDefaultsAndEpochMillis() throws Exception {
    Mention m =
        decoder.parse(bytes("{\"id\":\"a\",\"title\":\"Headline\",\"created_at\":1763806500000}"));
    assertThat(m.source).isEqualTo("web");
    assertThat(m.text).isEmpty();
    assertThat(m.createdAt).isEqualTo(1763806500000L);
    assertThat(m.potentialReach()).isZero();
    assertThat(m.authorKey()).isEqualTo("m:web:a");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                   | {oops                                                         | invalid_json   | not valid JSON",
        "trailing garbage           | {\"id\":\"a\"} x                                              | invalid_json   | not valid JSON",
        "array                      | [1,2]                                                         | not_an_object  | got an array",
        "string                     | \"hi\"                                                        | not_an_object  | got a string",
        "missing id                 | {\"text\":\"x\",\"created_at\":1}                             | missing_field  | id is required",
        "missing created_at         | {\"id\":\"a\",\"text\":\"x\"}                                 | missing_field  | created_at is required",
        "missing text and title     | {\"id\":\"a\",\"created_at\":1}                               | missing_field  | text is required",
        "id not a string            | {\"id\":7,\"text\":\"x\",\"created_at\":1}                    | wrong_type     | id must be a string",
        "empty id                   | {\"id\":\"\",\"text\":\"x\",\"created_at\":1}                 | invalid_value  | id must have 1..256",
        "text not a string          | {\"id\":\"a\",\"text\":1,\"created_at\":1}                    | wrong_type     | text must be a string",
        "time without offset        | {\"id\":\"a\",\"text\":\"\",\"created_at\":\"2026-11-22T10:00:00\"} | invalid_time | not ISO-8601 with an offset",
        "time garbage               | {\"id\":\"a\",\"text\":\"\",\"created_at\":\"yesterday\"}     | invalid_time   | not ISO-8601",
        "time boolean               | {\"id\":\"a\",\"text\":\"\",\"created_at\":true}              | invalid_time   | got a boolean",
        "negative like              | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"metrics\":{\"likes\":-1}} | negative_count | metrics.likes must be >= 0",
        "negative followers         | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"author\":{\"followers\":-5}} | negative_count | author.followers must be >= 0",
        "negative reach             | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"reach\":-2}    | negative_count | reach must be >= 0",
        "metric as string           | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"metrics\":{\"views\":\"9\"}} | wrong_type | metrics.views must be an integer",
        "fractional metric          | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"metrics\":{\"views\":1.5}} | wrong_type | metrics.views must be an integer",
        "metrics not an object      | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"metrics\":[]}   | wrong_type     | metrics must be an object",
        "author not an object       | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"author\":\"bob\"} | wrong_type  | author must be an object",
        "employee not a boolean     | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"author\":{\"employee\":\"yes\"}} | wrong_type | author.employee must be true or false",
        "source with spaces         | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"source\":\"my blog\"} | invalid_value | source must be one lowercase word",
        "lang not ISO 639-1         | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"lang\":\"english\"} | invalid_value | lang must be an ISO 639-1 code",
        "country not alpha-2        | {\"id\":\"a\",\"text\":\"\",\"created_at\":1,\"country\":\"IDN\"} | invalid_value | country must be an ISO 3166-1",
        "duplicate key              | {\"id\":\"a\",\"id\":\"b\",\"text\":\"\",\"created_at\":1763806500000} | duplicate_key | Duplicate field 'id'",
        "duplicate nested key       | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"metrics\":{\"likes\":1,\"likes\":2}} | duplicate_key | Duplicate field 'likes'",
        "time Long.MAX_VALUE        | {\"id\":\"a\",\"text\":\"\",\"created_at\":9223372036854775807} | time_out_of_range | is outside 2000-01-01T00:00:00Z",
        "time Long.MIN_VALUE        | {\"id\":\"a\",\"text\":\"\",\"created_at\":-9223372036854775808} | time_out_of_range | is outside",
        "time beyond a long         | {\"id\":\"a\",\"text\":\"\",\"created_at\":92233720368547758070} | time_out_of_range | out of range",
        "time year 999999999        | {\"id\":\"a\",\"text\":\"\",\"created_at\":\"+999999999-12-31T23:59:59Z\"} | time_out_of_range | is outside",
        "time year -999999999       | {\"id\":\"a\",\"text\":\"\",\"created_at\":\"-999999999-01-01T00:00:00Z\"} | time_out_of_range | is outside",
        "time year 9999             | {\"id\":\"a\",\"text\":\"\",\"created_at\":\"9999-12-31T23:59:59Z\"} | time_out_of_range | is outside",
        "time 1970                  | {\"id\":\"a\",\"text\":\"\",\"created_at\":\"1970-01-01T00:00:00Z\"} | time_out_of_range | is outside",
        "time 1999                  | {\"id\":\"a\",\"text\":\"\",\"created_at\":\"1999-12-31T23:59:59.999Z\"} | time_out_of_range | is outside",
        "time in epoch seconds      | {\"id\":\"a\",\"text\":\"\",\"created_at\":1795305660} | time_out_of_range | looks like epoch seconds (2026-11-22T",
        "time negative epoch        | {\"id\":\"a\",\"text\":\"\",\"created_at\":-1} | time_out_of_range | is outside",
        "time as a float            | {\"id\":\"a\",\"text\":\"\",\"created_at\":1.7638065E12} | invalid_time | got the number",
        "likes Long.MAX_VALUE       | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"metrics\":{\"likes\":9223372036854775807}} | count_out_of_range | metrics.likes must be at most 1000000000000",
        "views beyond a long        | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"metrics\":{\"views\":99999999999999999999999}} | count_out_of_range | metrics.views must be at most",
        "followers over the maximum | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"author\":{\"followers\":1000000000001}} | count_out_of_range | author.followers must be at most",
        "reach Long.MAX_VALUE       | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"reach\":9223372036854775807} | count_out_of_range | reach must be at most",
        "reach below a long         | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"reach\":-99999999999999999999999} | negative_count | reach must be >= 0",
        "likes Long.MIN_VALUE       | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"metrics\":{\"likes\":-9223372036854775808}} | negative_count | must be >= 0",
        "NaN                        | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"reach\":NaN} | invalid_json | not valid JSON",
        "comment                    | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000 /* c */} | invalid_json | not valid JSON",
        "number too long            | {\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"reach\":1%s} | invalid_json | not valid JSON",
      })
  void rejectsEachInvalidCaseWithItsOwnReason(
      String name, String template, String code, String message) {
    String json = template.contains("%s") ? template.formatted("0".repeat(1_500)) : template;
    Decoded d = decoder.decode(bytes(json.strip()), "in.jsonl", 7);
    assertThat(d.valid()).as(name).isFalse();
    assertThat(d.deadLetter.error).isEqualTo(code);
    assertThat(d.deadLetter.message).contains(message);
    assertThat(d.deadLetter.raw).isEqualTo(json.strip());
    assertThat(d.deadLetter.file).isEqualTo("in.jsonl");
    assertThat(d.deadLetter.line).isEqualTo(7);
  }

  @Test
  void rejectsRecordsLargerThanTheLimit() {
    String big = "{\"id\":\"a\",\"created_at\":1,\"text\":\"" + "x".repeat(3_000) + "\"}";
    Decoded d = decoder.decode(bytes(big), "mentions", 2, 99);
    assertThat(d.deadLetter.error).isEqualTo("too_large");
    assertThat(d.deadLetter.topic).isEqualTo("mentions");
    assertThat(d.deadLetter.partition).isEqualTo(2);
    assertThat(d.deadLetter.offset).isEqualTo(99);
  }

  @Test
  void keepsNonUtf8BytesAsBase64() {
    byte[] bad = {'{', (byte) 0xC3, (byte) 0x28, '}'};
    Decoded d = decoder.decode(bad, "in.jsonl", 1);
    assertThat(d.deadLetter.error).isEqualTo("invalid_json");
    assertThat(d.deadLetter.raw).isNull();
    assertThat(d.deadLetter.rawBase64).isEqualTo("e8MofQ==");
    assertThat(OutputJson.deadLetter(d.deadLetter))
        .isEqualTo(
            "{\"error\":\"invalid_json\",\"message\":\""
                + d.deadLetter.message.replace("\"", "\\\"")
                + "\",\"origin\":{\"file\":\"in.jsonl\",\"line\":1},\"raw_base64\":\"e8MofQ==\"}");
  }

  @Test
  void acceptsTheEdgesOfTheTimeRangeAgainstTheWallClockNotTheData() throws Exception {
    Instant now = Instant.parse("2026-12-06T12:00:00Z");
    MentionDecoder d =
        new MentionDecoder(
            2_000,
            MentionDecoder.DEFAULT_MIN_EVENT_TIME,
            Duration.ofDays(1),
            Clock.fixed(now, ZoneOffset.UTC));
    assertThat(
            d.parse(bytes("{\"id\":\"a\",\"text\":\"\",\"created_at\":\"2000-01-01T00:00:00Z\"}"))
                .createdAt)
        .isEqualTo(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli());
    assertThat(
            d.parse(bytes("{\"id\":\"a\",\"text\":\"\",\"created_at\":\"2026-12-07T12:00:00Z\"}"))
                .createdAt)
        .isEqualTo(now.plus(Duration.ofDays(1)).toEpochMilli());
    Decoded late =
        d.decode(
            bytes("{\"id\":\"a\",\"text\":\"\",\"created_at\":\"2026-12-07T12:00:00.001Z\"}"),
            "f",
            1);
    assertThat(late.deadLetter.error).isEqualTo("time_out_of_range");
    MentionDecoder backfill =
        new MentionDecoder(
            2_000,
            Instant.parse("1990-01-01T00:00:00Z"),
            Duration.ZERO,
            Clock.fixed(now, ZoneOffset.UTC));
    assertThat(
            backfill.parse(
                    bytes("{\"id\":\"a\",\"text\":\"\",\"created_at\":\"1995-05-05T00:00:00Z\"}"))
                .createdAt)
        .isPositive();
    assertThat(
            backfill.decode(
                    bytes("{\"id\":\"a\",\"text\":\"\",\"created_at\":\"2026-12-06T12:00:01Z\"}"),
                    "f",
                    1)
                .deadLetter
                .error)
        .isEqualTo("time_out_of_range");
  }

  @Test
  void deadLettersAFormFeedOrNulLineAsNotJson() {
    for (String line :
        List.of(
            "\f",
            "\u000B",
            "\u0000",
            "\f{\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000}")) {
      Decoded d = decoder.decode(bytes(line), "in.jsonl", 1);
      assertThat(d.deadLetter.error).isEqualTo("invalid_json");
      assertThat(d.deadLetter.raw).isEqualTo(line);
    }
  }

  @Test
  void acceptsCountsUpToTheMaximum() throws Exception {
    Mention m =
        decoder.parse(
            bytes(
                "{\"id\":\"a\",\"text\":\"\",\"created_at\":1763806500000,\"reach\":1000000000000,"
                    + "\"metrics\":{\"likes\":1000000000000,\"comments\":1000000000000,\"shares\":1000000000000,\"quotes\":1000000000000,\"bookmarks\":1000000000000}}"));
    assertThat(m.reach).isEqualTo(MentionDecoder.MAX_COUNT);
    assertThat(m.engagementTotal()).isEqualTo(5 * MentionDecoder.MAX_COUNT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lone high surrogate     | \\ud800          | \uFFFD",
        "lone low surrogate      | a\\udc00b        | a\uFFFDb",
        "high then high          | \\ud800\\ud83d\\ude00 | \uFFFD\uD83D\uDE00",
        "reversed pair           | \\ude00\\ud83d    | \uFFFD\uFFFD",
        "high at the end         | ok\\ud83d        | ok\uFFFD",
        "valid pair kept         | \\ud83d\\ude00    | \uD83D\uDE00",
      })
  void replacesUnpairedSurrogatesInEveryString(String name, String escaped, String expected)
      throws Exception {
    String json =
        "{\"id\":\"i"
            + escaped
            + "\",\"text\":\""
            + escaped
            + "\",\"title\":\""
            + escaped
            + "\",\"author\":{\"name\":\""
            + escaped
            + "\",\"handle\":\""
            + escaped
            + "\"},\"parent_id\":\""
            + escaped
            + "\",\"url\":\""
            + escaped
            + "\",\"created_at\":1763806500000}";
    Mention m = decoder.parse(bytes(json));
    assertThat(m.text).as(name).isEqualTo(expected);
    assertThat(m.id).isEqualTo("i" + expected);
    assertThat(List.of(m.title, m.authorName, m.authorHandle, m.parentId, m.url))
        .containsOnly(expected);
    assertThat(ValidUnicode.isValid(OutputJson.deadLetter(d(m)))).isTrue();
  }

  private static dev.pantau.flink.model.DeadLetter d(Mention m) {
    dev.pantau.flink.model.DeadLetter dl = new dev.pantau.flink.model.DeadLetter();
    dl.error = "x";
    dl.message = m.text;
    dl.raw = m.title;
    return dl;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "truncated sequence  | 7B22696422 3A22 C3 227D",
        "overlong slash      | 7B22696422 3A22 C0AF 227D",
        "encoded surrogate   | 7B22696422 3A22 EDA080 227D",
        "beyond U+10FFFF     | 7B22696422 3A22 F4908080 227D",
        "lone continuation   | 7B22696422 3A22 80 227D",
        "invalid byte FF     | 7B22696422 3A22 FF 227D",
      })
  void rejectsInvalidUtf8KeepingTheBytes(String name, String hex) {
    byte[] raw = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    Decoded d = decoder.decode(raw, "in.jsonl", 3);
    assertThat(d.deadLetter.error).as(name).isEqualTo("invalid_json");
    assertThat(d.deadLetter.message).contains("UTF-8");
    assertThat(java.util.Base64.getDecoder().decode(d.deadLetter.rawBase64)).isEqualTo(raw);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
