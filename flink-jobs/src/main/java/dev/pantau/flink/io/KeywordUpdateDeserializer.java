package dev.pantau.flink.io;

import dev.pantau.flink.model.KeywordUpdate;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the {@code keyword-sets} control topic; validation happens where the set is applied. */
public final class KeywordUpdateDeserializer
    implements KafkaRecordDeserializationSchema<KeywordUpdate> {
  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KeywordUpdate> out) {
    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    String json =
        record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    out.collect(
        new KeywordUpdate(
            key, json, record.topic() + "/" + record.partition() + "@" + record.offset()));
  }

  @Override
  public TypeInformation<KeywordUpdate> getProducedType() {
    return TypeInformation.of(KeywordUpdate.class);
  }
}
