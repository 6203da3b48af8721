package dev.pantau.flink.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.kafka.LocalKafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MentionPublisherITCase {

  @TempDir static Path workDir;
  static LocalKafkaBroker kafka;

  @BeforeAll
  static void startBroker() {
    kafka = LocalKafkaBroker.start(workDir);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void publishesTheGeneratorsRecordsKeyedAndPacedOnAFastClock() {
    kafka.createTopics(2, "paced");
    MentionGenerator generator =
        new MentionGenerator(1, Instant.parse("2026-11-22T12:00:00Z"), 120);
    List<GeneratedMention> expected = new ArrayList<>();
    MentionGenerator twin = new MentionGenerator(1, Instant.parse("2026-11-22T12:00:00Z"), 120);
    long started = System.nanoTime();
    long sent;
    try (MentionPublisher publisher =
        new MentionPublisher(
            generator, MentionPublisher.producer(kafka.bootstrapServers()), "paced", 60)) {
      sent = publisher.publish(Duration.ofMinutes(2)); // two simulated minutes in about 2 s
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    for (int i = 0; i < sent; i++) {
      expected.add(twin.nextMention());
    }
    // 19:00 in Jakarta: the evening peak, about 1.5 times the mean rate
    assertThat(sent).isBetween(250L, 550L);
    assertThat(seconds)
        .as("paced on the simulated clock, not as fast as possible")
        .isGreaterThan(1.5);

    List<ConsumerRecord<String, String>> records = consume("paced", (int) sent);
    assertThat(records).hasSize((int) sent);
    assertThat(records)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().map(GeneratedMention::json).toList());
    assertThat(records).allSatisfy(r -> assertThat(r.key()).contains(":"));
  }

  @Test
  void generateCommandPublishesInRealTime() {
    kafka.createTopics(1, "generated");
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new GenerateCommand());
    cl.setOut(new PrintWriter(out, true));
    int exit =
        cl.execute(
            "--rate",
            "100",
            "--duration",
            "2s",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--topic",
            "generated",
            "--seed",
            "3");
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Published");
    long published =
        Long.parseLong(out.toString().replaceAll("(?s).*Published (\\d+) mentions.*", "$1"));
    // the rate follows the hour of day in Jakarta: 0.2 to 1.5 times the mean
    assertThat(published).isBetween(20L, 450L);
    assertThat(consume("generated", (int) published)).hasSize((int) published);
  }

  @Test
  void generateCommandFailsWithOneWhenKafkaIsUnreachable() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new GenerateCommand());
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int exit =
        cl.execute("--rate", "5", "--duration", "1s", "--bootstrap", "not-a-host.invalid:9092");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("generate:");
  }

  private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    return records;
  }
}
