package dev.pantau.flink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.kafka.LocalKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveViewITCase {

  private static final String KPI =
      "{\"brand\":\"%s\",\"window\":\"1m\",\"start\":\"2026-11-22T10:15:00Z\","
          + "\"source\":\"*\",\"mentions\":%d,\"reach\":100,\"engagement\":{\"total\":7},\"revision\":1}";

  @Test
  void showsCommittedKpisAndAlertsOnly(@TempDir Path dir) throws Exception {
    try (LocalKafkaBroker kafka = LocalKafkaBroker.start(dir)) {
      kafka.createTopics(2, "kpi-series", "alerts");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      try (LiveView view =
              LiveView.start(
                  kafka.bootstrapServers(),
                  "kpi-series",
                  "alerts",
                  new KpiTable(KpiTable.Mode.PLAIN),
                  out);
          KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(kafka))) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("kpi-series", "k", String.format(KPI, "telkomsel", 12)));
        producer.send(new ProducerRecord<>("kpi-series", "k", "not json")); // skipped, not fatal
        producer.send(
            new ProducerRecord<>(
                "alerts",
                "a",
                "{\"id\":\"r|telkomsel|1m|s\",\"status\":\"firing\","
                    + "\"rule\":\"r\",\"brand\":\"telkomsel\",\"severity\":\"info\",\"window\":\"1m\","
                    + "\"start\":\"2026-11-22T10:15:00Z\",\"message\":\"up\"}"));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("kpi-series", "k", String.format(KPI, "aborted", 99)));
        producer.flush();
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("kpi-series", "k", String.format(KPI, "xl", 3)));
        producer.commitTransaction();

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (view.records() < 4 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
      }
      String printed = bytes.toString(StandardCharsets.UTF_8);
      assertThat(printed.lines())
          .containsExactlyInAnyOrder(
              "telkomsel 1m 2026-11-22T10:15:00Z mentions=12 reach=100 engagement=7",
              "alert firing info telkomsel 1m 2026-11-22T10:15:00Z r: up",
              "xl 1m 2026-11-22T10:15:00Z mentions=3 reach=100 engagement=7");
    }
  }

  private static Properties producerProps(LocalKafkaBroker kafka) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "live-view-test");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return props;
  }
}
