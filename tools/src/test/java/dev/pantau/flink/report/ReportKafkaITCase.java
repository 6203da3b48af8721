package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.cli.PantauCli;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code report --bootstrap} on the project's real local broker: the fixture's output files are
 * published to their topics (3 partitions, in committed transactions, as the job writes them), plus
 * an aborted transaction of KPI records with a higher revision that {@code read_committed} must
 * never see; the report from the topics equals the report from the folder.
 */
class ReportKafkaITCase {
  private static final Path DIR = Paths.get("target", "report-kafka-itcase");
  private static LocalKafkaBroker broker;

  @BeforeAll
  static void publish() throws Exception {
    Files.createDirectories(DIR);
    ReplayFixture.write(DIR, 21);
    ReportHtmlTest.writeEnriched(DIR, new java.util.Random(5), new java.util.HashMap<>());
    broker = LocalKafkaBroker.start(DIR.resolve("kafka"));
    Map<String, String> files =
        Map.of(
            Topics.KPI_SERIES, ReplayFolder.KPI_SERIES,
            Topics.ALERTS, ReplayFolder.ALERTS,
            Topics.LEADS, ReplayFolder.LEADS,
            Topics.ADVOCACY, ReplayFolder.ADVOCACY,
            Topics.TARGETS, ReplayFolder.TARGETS,
            Topics.MENTIONS_ENRICHED, ReplayFolder.ENRICHED);
    broker.createTopics(3, files.keySet().toArray(String[]::new));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "report-kafka-itcase");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      for (Map.Entry<String, String> f : files.entrySet()) {
        producer.beginTransaction();
        int i = 0;
        for (String line : Files.readAllLines(DIR.resolve(f.getValue()), StandardCharsets.UTF_8)) {
          // keys spread records over partitions, as the job's keyed outputs are
          producer.send(new ProducerRecord<>(f.getKey(), Integer.toString(i++ % 7), line));
        }
        producer.commitTransaction();
      }
      producer.beginTransaction();
      for (String line :
          Files.readAllLines(DIR.resolve(ReplayFolder.KPI_SERIES), StandardCharsets.UTF_8)) {
        producer.send(
            new ProducerRecord<>(
                Topics.KPI_SERIES,
                "aborted",
                line.replaceFirst("\"mentions\":\\d+", "\"mentions\":999999")
                    .replaceFirst("\"revision\":\\d+", "\"revision\":99")));
      }
      producer.flush();
      producer.abortTransaction();
    }
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theCsvFromTheTopicsIsTheCsvFromTheFolderWithoutTheAbortedTransaction() throws Exception {
    byte[] folder = report("csv", "--input", DIR.toString());
    byte[] topics = report("csv", "--bootstrap", broker.bootstrapServers());
    assertThat(new String(folder, StandardCharsets.UTF_8)).doesNotContain("999999");
    assertThat(new String(folder, StandardCharsets.UTF_8).lines().count()).isGreaterThan(100);
    assertThat(topics).isEqualTo(folder);
  }

  @Test
  void everySheetAndTheHtmlFromTheTopicsAreTheFolders() throws Exception {
    List<List<String>> folder = ReportJdbcITCase.sheets(report("xlsx", "--input", DIR.toString()));
    List<List<String>> topics =
        ReportJdbcITCase.sheets(report("xlsx", "--bootstrap", broker.bootstrapServers()));
    assertThat(folder).hasSize(5).allSatisfy(sheet -> assertThat(sheet).hasSizeGreaterThan(2));
    assertThat(topics).isEqualTo(folder);

    String html = new String(report("html", "--input", DIR.toString()), StandardCharsets.UTF_8);
    String fromTopics =
        new String(
            report("html", "--bootstrap", broker.bootstrapServers()), StandardCharsets.UTF_8);
    assertThat(html).contains("table class=\"bursts\"", "table class=\"targets\"");
    assertThat(fromTopics.replaceFirst("Source: [^<]*", ""))
        .isEqualTo(html.replaceFirst("Source: [^<]*", ""));
  }

  private static byte[] report(String format, String... source) throws Exception {
    Path out = DIR.resolve("report-" + source[0].substring(2) + "." + format);
    List<String> args = new ArrayList<>(List.of("report"));
    args.addAll(List.of(source));
    args.addAll(List.of("--from", "2026-11-08", "--to", "2026-11-14", "--output", out.toString()));
    assertThat(PantauCli.execute(args.toArray(String[]::new))).isZero();
    return Files.readAllBytes(out);
  }
}
