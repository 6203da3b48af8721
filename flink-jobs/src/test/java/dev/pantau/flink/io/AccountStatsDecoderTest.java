package dev.pantau.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.model.Decoded;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountStatsDecoderTest {
  private final AccountStatsDecoder decoder =
      new AccountStatsDecoder(
          1024,
          Instant.parse("2000-01-01T00:00:00Z"),
          Duration.ofDays(1),
          Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));

  private Decoded decode(String json) {
    return decoder.decode(json.getBytes(StandardCharsets.UTF_8), "a.jsonl", 7);
  }

  @Test
  void readsTheSpecExample() {
    Decoded d =
        decode(
            "{\"brand\":\"telkomsel\",\"source\":\"Instagram\",\"account\":\"@telkomsel\",\"followers\":1250300,\"at\":\"2026-11-22T10:00:00Z\"}");
    assertThat(d.reading).isNotNull();
    assertThat(d.reading.brand).isEqualTo("telkomsel");
    assertThat(d.reading.source).isEqualTo("instagram");
    assertThat(d.reading.account).isEqualTo("@telkomsel");
    assertThat(d.reading.followers).isEqualTo(1_250_300);
    assertThat(d.reading.at).isEqualTo(Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());
    assertThat(d.reading.file).isEqualTo("a.jsonl");
    assertThat(d.reading.line).isEqualTo(7);
    assertThat(d.timed()).isTrue();
    assertThat(
            decode(
                    "{\"brand\":\"x\",\"source\":\"x\",\"account\":\"@x\",\"followers\":0,\"at\":1795000000000}")
                .reading
                .at)
        .isEqualTo(1_795_000_000_000L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|invalid_json",
        "[1]|not_an_object",
        "{\"source\":\"x\",\"account\":\"@a\",\"followers\":1,\"at\":\"2026-11-22T10:00:00Z\"}|missing_field",
        "{\"brand\":\"a\",\"source\":\"x\",\"account\":\"@a\",\"at\":\"2026-11-22T10:00:00Z\"}|missing_field",
        "{\"brand\":\"a\",\"source\":\"x\",\"account\":\"@a\",\"followers\":\"12\",\"at\":\"2026-11-22T10:00:00Z\"}|wrong_type",
        "{\"brand\":\"a\",\"source\":\"x\",\"account\":\"@a\",\"followers\":-5,\"at\":\"2026-11-22T10:00:00Z\"}|negative_count",
        "{\"brand\":\"a\",\"source\":\"x\",\"account\":\"@a\",\"followers\":1,\"at\":\"yesterday\"}|invalid_time",
        "{\"brand\":\"a\",\"source\":\"x\",\"account\":\"@a\",\"followers\":1,\"at\":\"2031-01-01T00:00:00Z\"}|time_out_of_range",
        "{\"brand\":\"Not A Brand\",\"source\":\"x\",\"account\":\"@a\",\"followers\":1,\"at\":\"2026-11-22T10:00:00Z\"}|invalid_value",
        "{\"brand\":\"a\",\"source\":\"x\",\"account\":\"\",\"followers\":1,\"at\":\"2026-11-22T10:00:00Z\"}|invalid_value",
        "{\"brand\":\"a\",\"brand\":\"b\",\"source\":\"x\",\"account\":\"@a\",\"followers\":1,\"at\":\"2026-11-22T10:00:00Z\"}|duplicate_key",
      })
  void badRecordsBecomeDeadLettersWithTheirReason(String json, String reason) {
    Decoded d = decode(json);
    assertThat(d.reading).isNull();
    assertThat(d.deadLetter.error).isEqualTo(reason);
    assertThat(d.deadLetter.raw).isEqualTo(json);
    assertThat(d.deadLetter.line).isEqualTo(7);
  }

  @Test
  void tooLargeAndNonUtf8RecordsAreDeadLettered() {
    assertThat(decoder.decode(new byte[2048], "a", 1).deadLetter.error).isEqualTo("too_large");
    Decoded bad = decoder.decode(new byte[] {(byte) 0xC3, (byte) 0x28}, "t", 0, 3);
    assertThat(bad.deadLetter.error).isEqualTo("invalid_json");
    assertThat(bad.deadLetter.rawBase64).isNotNull();
    assertThat(bad.deadLetter.offset).isEqualTo(3);
  }
}
