package dev.pantau.flink.io;

import dev.pantau.flink.model.Decoded;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes each Kafka record inside the source; never throws, so one bad record cannot fail the job.
 */
public final class DecodingKafkaDeserializer implements KafkaRecordDeserializationSchema<Decoded> {
  private static final long serialVersionUID = 1L;
  private final MentionDecoder decoder;

  /**
   * Records of this topic are account readings (SPEC §1b); null when the source reads mentions
   * only.
   */
  private final String accountStatsTopic;

  private final AccountStatsDecoder accountStats;

  public DecodingKafkaDeserializer(MentionDecoder decoder) {
    this(decoder, null, null);
  }

  public DecodingKafkaDeserializer(
      MentionDecoder decoder, String accountStatsTopic, AccountStatsDecoder accountStats) {
    this.decoder = decoder;
    this.accountStatsTopic = accountStatsTopic;
    this.accountStats = accountStats;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded> out) {
    if (accountStatsTopic != null && accountStatsTopic.equals(record.topic())) {
      out.collect(
          accountStats
              .decode(record.value(), record.topic(), record.partition(), record.offset())
              .at(record.topic(), record.partition(), record.offset()));
      return;
    }
    out.collect(
        decoder
            .decode(record.value(), record.topic(), record.partition(), record.offset())
            .at(record.topic(), record.partition(), record.offset()));
  }

  @Override
  public TypeInformation<Decoded> getProducedType() {
    return TypeInformation.of(Decoded.class);
  }
}
