package dev.pantau.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    Mention m = decoder.parse(bytes("{\"id\":\"a\",\"title\":\"Headline\",\"created_at\":1763806500000}"));
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
      })
  void rejectsEachInvalidCaseWithItsOwnReason(String name, String json, String code, String message) {
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
        .isEqualTo("{\"error\":\"invalid_json\",\"message\":\"" + d.deadLetter.message.replace("\"", "\\\"")
            + "\",\"origin\":{\"file\":\"in.jsonl\",\"line\":1},\"raw_base64\":\"e8MofQ==\"}");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
