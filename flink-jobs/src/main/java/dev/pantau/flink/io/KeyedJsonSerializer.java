package dev.pantau.flink.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes {@link KeyedJson} to one topic: the key lets consumers and compaction upsert. */
public final class KeyedJsonSerializer implements KafkaRecordSerializationSchema<KeyedJson> {
  private static final long serialVersionUID = 1L;
  private final String topic;

  public KeyedJsonSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(KeyedJson element, KafkaSinkContext context, Long timestamp) {
    byte[] key = element.key == null ? null : element.key.getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, null, timestamp, key, element.json.getBytes(StandardCharsets.UTF_8));
  }
}
