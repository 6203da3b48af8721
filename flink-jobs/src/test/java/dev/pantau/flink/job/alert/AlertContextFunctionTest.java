package dev.pantau.flink.job.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.alerts.Alert;
import dev.pantau.alerts.DetectorType;
import dev.pantau.alerts.Severity;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class AlertContextFunctionTest {
  private static final long MIN = 60_000;

  @Test
  void addsOverRepresentedTermsAndTopReachSamplesOnceTheWindowIsComplete() throws Exception {
    var h =
        new KeyedTwoInputStreamOperatorTestHarness<String, BrandMention, AlertEvent, AlertEvent>(
            new KeyedCoProcessOperator<>(new AlertContextFunction()),
            m -> m.brand,
            a -> a.brand,
            Types.STRING);
    h.open();
    // baseline hour: ordinary talk
    for (int i = 0; i < 60; i++) {
      h.processElement1(
          new StreamRecord<>(
              mention("b" + i, "paket internet murah hari ini", 10, i * MIN), i * MIN));
    }
    // alert window 60..65: an outage
    long start = 60 * MIN;
    for (int i = 0; i < 20; i++) {
      h.processElement1(
          new StreamRecord<>(
              mention("w" + i, "sinyal hilang gangguan parah paket", 100 + i, start + i * 10_000),
              start + i * 10_000));
    }
    h.processElement2(
        new StreamRecord<>(AlertEvent.of(alert(start, start + 5 * MIN)), start + 5 * MIN - 1));
    assertThat(h.extractOutputValues()).as("waits for the window's end").isEmpty();

    h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(start + 5 * MIN));
    h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(start + 5 * MIN));
    List<AlertEvent> out = h.extractOutputValues();
    assertThat(out).hasSize(1);
    Alert a = out.get(0).alert();
    assertThat(a.topTerms()).contains("sinyal", "gangguan").doesNotContain("paket");
    assertThat(a.sampleMentions()).extracting(s -> s.id()).containsExactly("w19", "w18", "w17");

    h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
    h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
    assertThat(h.numKeyedStateEntries()).isZero();
    h.close();
  }

  private static BrandMention mention(String id, String text, long reach, long time) {
    BrandMention m = new BrandMention();
    m.brand = "telkomsel";
    m.id = id;
    m.text = text;
    m.reach = reach;
    m.eventTime = time;
    m.terms = AlertTerms.of(null, text);
    return m;
  }

  private static Alert alert(long start, long end) {
    return new Alert(
        Alert.idOf("spike", "telkomsel", "5m", Instant.ofEpochMilli(start)),
        Alert.Status.FIRING,
        "spike",
        DetectorType.SPIKE,
        "telkomsel",
        Severity.WARNING,
        "mentions",
        "5m",
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end),
        20,
        5,
        4.0,
        "Telkomsel mentions 20 in 5m",
        List.of(),
        List.of(),
        null);
  }
}
