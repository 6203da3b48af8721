package dev.pantau.flink.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a {@link MentionGenerator}'s records to a Kafka topic at the pace they arrive, on a
 * clock that may run faster than the wall clock: with a {@code speedup} of 60, a simulated minute
 * passes every second (the demo). Records are keyed {@code source:id}, so every revision of a post
 * lands on the same partition.
 *
 * <p>{@link #publish} blocks; {@link #stop()} (from another thread) ends it early. Closing the
 * publisher flushes and closes the producer.
 */
public final class MentionPublisher implements AutoCloseable {

  private final MentionGenerator generator;
  private final Producer<String, String> producer;
  private final String topic;
  private final double speedup;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile boolean stopped;

  /**
   * @param producer used and closed by this publisher
   * @param speedup simulated time per wall-clock time; 1 publishes in real time
   */
  public MentionPublisher(
      MentionGenerator generator, Producer<String, String> producer, String topic, double speedup) {
    this.generator = Objects.requireNonNull(generator, "generator");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    if (!(speedup > 0)) {
      throw new IllegalArgumentException("speedup must be positive: " + speedup);
    }
    this.speedup = speedup;
  }

  /** A producer for {@code bootstrapServers}: idempotent, acknowledged by all replicas. */
  public static KafkaProducer<String, String> producer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // fail within seconds, not a minute, when the cluster is down
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "pantau-generator");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /**
   * Publishes records until {@code simulated} time has passed on the generator's clock (from the
   * first record's arrival), or {@link #stop()}; returns the number of records sent.
   *
   * @throws IllegalStateException when Kafka rejects a record
   */
  public long publish(Duration simulated) {
    long startNanos = System.nanoTime();
    long limit = simulated.toMillis();
    Instant origin = null;
    while (!stopped && failure.get() == null) {
      GeneratedMention mention = generator.peekMention();
      if (origin == null) {
        origin = mention.arrival();
      }
      long simulatedMillis = Duration.between(origin, mention.arrival()).toMillis();
      if (simulatedMillis > limit) {
        break; // left in the generator for whoever continues the stream
      }
      generator.nextMention();
      long dueNanos = startNanos + (long) (simulatedMillis / speedup * 1_000_000);
      long wait = dueNanos - System.nanoTime();
      if (wait > 1_000_000) {
        LockSupport.parkNanos(wait);
      }
      producer.send(
          new ProducerRecord<>(topic, mention.key(), mention.json()),
          (metadata, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
          });
      sent.incrementAndGet();
    }
    producer.flush();
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("Kafka rejected a mention on topic " + topic + ": " + e, e);
    }
    return sent.get();
  }

  /** Ends {@link #publish} after the record in flight. */
  public void stop() {
    stopped = true;
  }

  /** Records sent so far. */
  public long sent() {
    return sent.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
