package dev.pantau.flink.report;

import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The output topics (SPEC §4-§6) as the source of a report: each read {@code read_committed} from
 * its earliest offset to the end offsets taken when the report started, so records committed while
 * it reads never make two topics disagree; no consumer group, nothing committed. The same readers
 * as for a replay's files then keep the latest revision of each key.
 */
public final class KafkaReportSource implements ReportSource {
  /** A read that gets no record for this long while records remain has stalled. */
  static final Duration STALL = Duration.ofSeconds(60);

  private final String bootstrap;
  private final KafkaConsumer<byte[], String> consumer;
  private final Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();

  public KafkaReportSource(String bootstrap) throws ReportInputException {
    this.bootstrap = bootstrap;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "pantau-report-" + UUID.randomUUID());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 << 20));
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 << 20));
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try {
      consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new StringDeserializer());
      Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
      List<TopicPartition> all = new ArrayList<>();
      for (String topic :
          List.of(
              Topics.KPI_SERIES,
              Topics.ALERTS,
              Topics.MENTIONS_ENRICHED,
              Topics.LEADS,
              Topics.ADVOCACY,
              Topics.TARGETS)) {
        for (PartitionInfo info : topics.getOrDefault(topic, List.of())) {
          all.add(new TopicPartition(topic, info.partition()));
        }
      }
      // one snapshot of every topic's end, so the report is of one moment
      consumer
          .endOffsets(all)
          .forEach(
              (tp, end) -> ends.computeIfAbsent(tp.topic(), t -> new HashMap<>()).put(tp, end));
    } catch (KafkaException e) {
      throw new ReportInputException(
          "cannot read the topics at " + bootstrap + ": " + e.getMessage());
    }
    if (!ends.containsKey(Topics.KPI_SERIES)) {
      consumer.close();
      throw new ReportInputException(
          "no topic " + Topics.KPI_SERIES + " at " + bootstrap + " (has the job run there?)");
    }
  }

  @Override
  public String name() {
    return "Kafka at " + bootstrap;
  }

  /** A topic that does not exist (no rules, no targets) reads as empty. */
  private JsonRecords topic(String topic) {
    return (what, handler) -> read(topic, what, handler);
  }

  private void read(String topic, String what, JsonRecords.TextHandler handler)
      throws ReportInputException, IOException {
    Map<TopicPartition, Long> end = ends.getOrDefault(topic, Map.of());
    if (end.isEmpty()) {
      return;
    }
    try {
      consumer.assign(end.keySet());
      consumer.seekToBeginning(end.keySet());
      Map<TopicPartition, Long> left = new HashMap<>();
      for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
        if (consumer.position(e.getKey()) < e.getValue()) {
          left.put(e.getKey(), e.getValue());
        }
      }
      long lastProgress = System.nanoTime();
      while (!left.isEmpty()) {
        boolean progress = false;
        for (ConsumerRecord<byte[], String> r : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          Long stop = left.get(tp);
          if (stop == null || r.offset() >= stop || r.value() == null) {
            continue;
          }
          progress = true;
          try {
            handler.handle(r.value());
          } catch (IOException | RuntimeException e) {
            throw new ReportInputException(
                topic
                    + "-"
                    + r.partition()
                    + "@"
                    + r.offset()
                    + ": not "
                    + what
                    + " ("
                    + e.getMessage()
                    + ")");
          }
        }
        // positions also move past transaction markers and aborted records
        left.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        if (progress) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
          throw new ReportInputException(
              "reading " + topic + " at " + bootstrap + " stalled before its end offsets " + left);
        }
      }
    } catch (KafkaException e) {
      throw new ReportInputException("cannot read " + topic + " at " + bootstrap + ": " + e);
    } finally {
      consumer.unsubscribe();
    }
  }

  @Override
  public List<KpiRow> kpis(KpiFields fields, ReportRequest request)
      throws IOException, ReportInputException {
    return new KpiSeriesReader(fields).read(topic(Topics.KPI_SERIES), request);
  }

  @Override
  public List<AlertRow> alerts(ReportRequest request) throws IOException, ReportInputException {
    return new AlertsReader().read(topic(Topics.ALERTS), request);
  }

  @Override
  public TopMentionsReader.Tops topMentions(ReportRequest request, int n)
      throws IOException, ReportInputException {
    return ends.containsKey(Topics.MENTIONS_ENRICHED)
        ? new TopMentionsReader().read(topic(Topics.MENTIONS_ENRICHED), request, n)
        : null;
  }

  @Override
  public List<LeadRow> leads(ReportRequest request) throws IOException, ReportInputException {
    return ReportTables.leads(topic(Topics.LEADS), request);
  }

  @Override
  public List<LeaderRow> leaderboard(ReportRequest request)
      throws IOException, ReportInputException {
    return ReportTables.leaderboard(topic(Topics.ADVOCACY), request);
  }

  @Override
  public List<TargetRow> targets(ReportRequest request) throws IOException, ReportInputException {
    return ReportTables.targets(topic(Topics.TARGETS), request);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
