package dev.pantau.flink.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetIdentifier;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacetProvider;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes {@link KeyedJson} to one topic: the key lets consumers and compaction upsert. Names its
 * topic to the sink ({@link KafkaDatasetFacetProvider}), which the pooling transaction strategy
 * needs to find transactions left open on it.
 */
public final class KeyedJsonSerializer
    implements KafkaRecordSerializationSchema<KeyedJson>, KafkaDatasetFacetProvider {
  private static final long serialVersionUID = 1L;
  private final String topic;

  public KeyedJsonSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public Optional<KafkaDatasetFacet> getKafkaDatasetFacet() {
    return Optional.of(
        new DefaultKafkaDatasetFacet(DefaultKafkaDatasetIdentifier.ofTopics(List.of(topic))));
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      KeyedJson element, KafkaSinkContext context, Long timestamp) {
    byte[] key = element.key == null ? null : element.key.getBytes(StandardCharsets.UTF_8);
    // no timestamp: the producer stamps the time of writing, so the topic's retention counts from
    // when
    // the output was written, not from the event time of its mentions (a backfill's KPIs would
    // otherwise
    // be deleted by a 7-day retention minutes after they were written)
    return new ProducerRecord<>(
        topic, null, null, key, element.json.getBytes(StandardCharsets.UTF_8));
  }
}
