package dev.pantau.flink.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The publisher alone, on Kafka's in-memory producer (the real broker: MentionPublisherITCase). */
class MentionPublisherTest {

  private static MockProducer<String, String> producer() {
    return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
  }

  @Test
  void consecutivePublishersContinueTheStreamWithoutLosingTheRecordAtTheLimit() {
    MentionGenerator generator = new MentionGenerator(4, MentionGenerator.DEFAULT_START, 200);
    MockProducer<String, String> first = producer();
    MockProducer<String, String> second = producer();
    long a =
        new MentionPublisher(generator, first, "mentions", 1e7).publish(Duration.ofMinutes(30));
    long b =
        new MentionPublisher(generator, second, "mentions", 1e7).publish(Duration.ofMinutes(10));

    List<String> published = new ArrayList<>();
    first.history().forEach(r -> published.add(r.value()));
    second.history().forEach(r -> published.add(r.value()));
    List<String> expected =
        new MentionGenerator(4, MentionGenerator.DEFAULT_START, 200)
            .stream().limit(a + b).map(GeneratedMention::json).toList();
    assertThat(published).hasSize((int) (a + b)).isEqualTo(expected);
    assertThat(a).isGreaterThan(1_000);
    for (ProducerRecord<String, String> r : first.history()) {
      assertThat(r.topic()).isEqualTo("mentions");
      assertThat(r.key()).isNotNull();
    }
  }

  @Test
  void stopsWithinTheSimulatedDuration() {
    MentionGenerator generator = new MentionGenerator(5, MentionGenerator.DEFAULT_START, 100);
    MockProducer<String, String> producer = producer();
    new MentionPublisher(generator, producer, "t", 1e7).publish(Duration.ofMinutes(5));
    long firstArrival = MentionValidatorTimes.first(producer);
    assertThat(generator.peekMention().arrival().toEpochMilli() - firstArrival)
        .isGreaterThan(Duration.ofMinutes(5).toMillis());
  }

  @Test
  void aRejectedRecordFailsThePublish() {
    MockProducer<String, String> producer =
        new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    MentionPublisher publisher =
        new MentionPublisher(
            new MentionGenerator(6, MentionGenerator.DEFAULT_START, 100), producer, "t", 1e7);
    Thread failer =
        new Thread(
            () -> {
              while (producer.history().isEmpty()) {
                Thread.onSpinWait();
              }
              producer.errorNext(new RuntimeException("broker says no"));
            });
    failer.start();
    assertThatThrownBy(() -> publisher.publish(Duration.ofDays(1)))
        .hasMessageContaining("broker says no");
  }

  /** The first published record's arrival, recomputed from the same seed. */
  private static final class MentionValidatorTimes {
    static long first(MockProducer<String, String> producer) {
      String json = producer.history().get(0).value();
      MentionGenerator twin = new MentionGenerator(5, MentionGenerator.DEFAULT_START, 100);
      GeneratedMention m = twin.nextMention();
      assertThat(m.json()).isEqualTo(json);
      return m.arrival().toEpochMilli();
    }
  }
}
