package dev.pantau.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KeyedJsonSerializerTest {
  @Test
  void leavesTheTimestampToTheProducerSoRetentionCountsFromWriting() {
    KeyedJsonSerializer s = new KeyedJsonSerializer("kpi-series");
    long eventTime = 1_700_000_000_000L; // the mentions' time, months before the write
    ProducerRecord<byte[], byte[]> r =
        s.serialize(new KeyedJson("acme|1m|x|*", "{\"mentions\":1}"), null, eventTime);
    assertThat(r.timestamp()).as("null: the producer stamps the time of writing").isNull();
    assertThat(r.topic()).isEqualTo("kpi-series");
    assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("acme|1m|x|*");
    assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"mentions\":1}");
  }
}
