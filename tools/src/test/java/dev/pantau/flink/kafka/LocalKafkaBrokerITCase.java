package dev.pantau.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerITCase {

  @TempDir static Path workDir;
  static LocalKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = LocalKafkaBroker.start(workDir);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(broker.isRunning()).isTrue();
  }

  @Test
  void readCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
    broker.createTopics(2, "tx-test");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps("tx-1"))) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>("tx-test", "k" + i, "committed-" + i));
      }
      producer.commitTransaction();
      producer.beginTransaction();
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>("tx-test", "k" + i, "aborted-" + i));
      }
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx-test", "last", "committed-last"));
      producer.commitTransaction();
    }

    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
      consumer.subscribe(List.of("tx-test"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (seen.size() < 11 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          seen.add(record.value());
        }
      }
      // anything aborted would have arrived with the committed records around it
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        seen.add(record.value());
      }
    }
    assertThat(seen).hasSize(11).allMatch(v -> v.startsWith("committed-"));
  }

  @Test
  void acceptsFlinksDefaultTransactionTimeoutOfOneHour() {
    Properties props = producerProps("tx-long");
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofHours(1).toMillis());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.initTransactions(); // a broker with the stock 15 min maximum rejects this call
    }
  }

  @Test
  void createsCompactedAndPartitionedTopicsIdempotently() throws Exception {
    broker.createTopics(3, "multi-a", "multi-b");
    broker.createTopics(3, "multi-a"); // already there: no error
    broker.createCompactedTopic("control");
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of("multi-a", "multi-b", "control")).allTopicNames().get();
      assertThat(topics.get("multi-a").partitions()).hasSize(3);
      assertThat(topics.get("multi-b").partitions()).hasSize(3);
      ConfigResource control = new ConfigResource(ConfigResource.Type.TOPIC, "control");
      String policy =
          admin
              .describeConfigs(List.of(control))
              .all()
              .get()
              .get(control)
              .get("cleanup.policy")
              .value();
      assertThat(policy).isEqualTo("compact");
    }
  }

  @Test
  void closeStopsTheProcessAndWritesTheLog(@TempDir Path otherDir) throws Exception {
    LocalKafkaBroker second = LocalKafkaBroker.start(otherDir);
    ProcessHandle handle = ProcessHandle.of(second.pid()).orElseThrow();
    second.close();
    second.close(); // idempotent
    assertThat(second.isRunning()).isFalse();
    assertThat(handle.isAlive()).isFalse();
    assertThat(Files.readString(second.logFile())).contains("Kafka Server started");
    // the throwaway data and configuration are gone, the log stays
    try (var left = Files.list(otherDir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("kafka-broker.log");
    }
  }

  @Test
  void aGivenDataDirectoryKeepsTopicsAndRecordsAcrossRestarts(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (LocalKafkaBroker first =
        LocalKafkaBroker.start(LocalKafkaBroker.Settings.under(dir).dataDir(data))) {
      first.createTopics(1, "kept");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(plainProducerProps(first))) {
        producer.send(new ProducerRecord<>("kept", "k", "survives a restart")).get();
      }
    }
    try (LocalKafkaBroker second =
        LocalKafkaBroker.start(LocalKafkaBroker.Settings.under(dir).dataDir(data))) {
      Properties props = consumerProps();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers());
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-reader");
      List<String> seen = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
        consumer.subscribe(List.of("kept"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.isEmpty() && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
        }
      }
      assertThat(seen).containsExactly("survives a restart");
      assertThat(data).isDirectory();
      assertThat(Files.readString(dir.resolve("kafka-broker.log")))
          .contains("Kafka Server started");
    }
  }

  @Test
  void settingsRejectNonsense(@TempDir Path dir) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LocalKafkaBroker.Settings.under(dir).port(0))
        .hasMessageContaining("port");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LocalKafkaBroker.Settings.under(dir).startTimeout(Duration.ZERO))
        .hasMessageContaining("startTimeout");
  }

  private static Properties plainProducerProps(LocalKafkaBroker kafka) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return props;
  }

  private static Properties producerProps(String transactionalId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return props;
  }

  private static Properties consumerProps() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "tx-test-reader");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return props;
  }
}
